namespace OpenMash.Web.Domain.People;

public enum InvolvementService
{
    SocialCare,
    EarlyHelp,
}
