namespace OpenMash.Web.Domain.Access;

/// <summary>Why someone outside the sharing agreements needs another hub's record now.</summary>
public enum BreakGlassReason
{
    ImmediateRiskOfSignificantHarm,
    ChildMissing,
    OutOfHoursEmergency,
    PoliceOrCourtRequest,
}
