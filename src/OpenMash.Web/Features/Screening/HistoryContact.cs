namespace OpenMash.Web.Features.Screening;

public sealed record HistoryContact(Guid ContactId, string Reference, DateTime ReceivedAtUtc, ContactState State, DecisionOutcome? Outcome, IReadOnlyList<string> About, int Ordinal, bool IsThisContact);
