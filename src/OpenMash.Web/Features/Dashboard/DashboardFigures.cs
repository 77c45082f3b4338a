namespace OpenMash.Web.Features.Dashboard;

/// <summary>Aggregate figures for one hub; no names. Durations are working hours by the hub's own calendar.</summary>
public sealed record DashboardFigures(
    IReadOnlyDictionary<ContactState, int> ByState,
    int DecisionsOverdue,
    int ChecksOverdue,
    int DecidedThisMonth,
    double? MedianWorkingHoursToDecision,
    double? P90WorkingHoursToDecision,
    double? ShareWithinOneWorkingDay,
    IReadOnlyList<AgencyResponse> Agencies,
    int Unscreened = 0,
    int UnscreenedOverdue = 0);
