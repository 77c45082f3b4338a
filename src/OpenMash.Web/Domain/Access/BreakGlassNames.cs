namespace OpenMash.Web.Domain.Access;

public static class BreakGlassNames
{
    public static string DisplayName(this BreakGlassReason reason) => reason switch
    {
        BreakGlassReason.ImmediateRiskOfSignificantHarm => "Immediate risk of significant harm to a child",
        BreakGlassReason.ChildMissing => "The child is missing",
        BreakGlassReason.OutOfHoursEmergency => "Out-of-hours emergency with no one to ask in the other hub",
        BreakGlassReason.PoliceOrCourtRequest => "Urgent police or court request",
        _ => reason.ToString(),
    };
}
