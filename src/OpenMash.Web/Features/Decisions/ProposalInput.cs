namespace OpenMash.Web.Features.Decisions;

/// <summary>A proposed decision as entered: what <see cref="DecisionService.ProposeAsync"/> checks before it writes.</summary>
public sealed class ProposalInput
{
    public DecisionOutcome? Outcome { get; init; }

    public string? Rationale { get; init; }

    public string? Team { get; init; }

    public PrimaryNeed? PrimaryNeed { get; init; }
}
