namespace OpenMash.Web.Domain.Decisions;

public enum DecisionStatus
{
    Proposed,
    Approved,
    Returned,
}
