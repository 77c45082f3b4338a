namespace OpenMash.Web.Domain.Checks;

public enum CheckStatus
{
    Requested,
    Answered,
}
