namespace OpenMash.Web.Features.Screening;

public sealed record QueueRow(Guid Id, string Reference, DateTime ReceivedAtUtc, ContactState State, RagRating? Rag, DateTime? DecisionDueUtc, bool Overdue);
