namespace OpenMash.Web.Auditing;

public enum AuditOutcome
{
    Allowed,
    Refused,
}
