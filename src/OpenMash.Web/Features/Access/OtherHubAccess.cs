namespace OpenMash.Web.Features.Access;

public enum OtherHubAccess
{
    ExistenceOnly,
    Content,
    BreakGlass,
}
