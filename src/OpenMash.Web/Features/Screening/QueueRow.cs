namespace OpenMash.Web.Features.Screening;

/// <summary>One contact in the screening queue; <see cref="MayBeKnown"/>: a person in it may be an existing record, not yet decided.</summary>
public sealed record QueueRow(Guid Id, string Reference, DateTime ReceivedAtUtc, ContactState State, RagRating? Rag, DateTime? DecisionDueUtc, bool Overdue, bool MayBeKnown = false);
