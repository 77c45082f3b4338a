namespace OpenMash.Web.Features.Api;

public enum ClientAuthenticationFailure
{
    None,
    UnknownClient,
    WrongSecret,
    Disabled,
}
