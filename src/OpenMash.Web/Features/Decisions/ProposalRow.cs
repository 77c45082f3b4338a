namespace OpenMash.Web.Features.Decisions;

public sealed record ProposalRow(Guid Id, string Reference, DateTime ProposedAtUtc, DecisionOutcome Outcome, RagRating? Rag, DateTime? DecisionDueUtc, bool Overdue);
