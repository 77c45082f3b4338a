namespace OpenMash.Web.Features.Timeliness;

/// <summary>When partner checks and the decision are due for a contact, as UTC instants.</summary>
public readonly record struct DueTimes(DateTimeOffset ChecksDue, DateTimeOffset DecisionDue);
