namespace OpenMash.Web.Features.Decisions;

public sealed record ProposalInput(DecisionOutcome? Outcome, string? Rationale, string? Team, PrimaryNeed? PrimaryNeed);
