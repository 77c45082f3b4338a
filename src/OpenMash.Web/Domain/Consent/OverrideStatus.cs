namespace OpenMash.Web.Domain.Consent;

public enum OverrideStatus
{
    Pending,
    Approved,
    Rejected,
}
