namespace OpenMash.Web.Features.People;

public enum OtherHubAccess
{
    ExistenceOnly,
    Content,
    BreakGlass,
}
