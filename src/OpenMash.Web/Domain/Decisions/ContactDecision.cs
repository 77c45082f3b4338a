namespace OpenMash.Web.Domain.Decisions;

/// <summary>The screener proposes; a MASH manager decides (four eyes).</summary>
public sealed class ContactDecision : IHubScoped
{
    public Guid Id { get; set; }

    public Guid HubId { get; set; }

    public Guid ContactId { get; set; }

    public Guid ProposedByUserId { get; set; }

    public DateTime ProposedAtUtc { get; set; }

    public DecisionOutcome Outcome { get; set; }

    public required string Rationale { get; set; }

    public string? Team { get; set; }

    public PrimaryNeed PrimaryNeed { get; set; }

    public DecisionStatus Status { get; set; }

    public Guid? DecidedByUserId { get; set; }

    public DateTime? DecidedAtUtc { get; set; }

    public string? ManagerComment { get; set; }

    /// <summary>Set aside for a second manager's dip sample (a share of no-further-action decisions).</summary>
    public bool DipSample { get; set; }

    public Guid? DipSampledByUserId { get; set; }

    public DateTime? DipSampledAtUtc { get; set; }

    public string? DipSampleNote { get; set; }
}
