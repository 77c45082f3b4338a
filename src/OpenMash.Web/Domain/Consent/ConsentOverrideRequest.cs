namespace OpenMash.Web.Domain.Consent;

/// <summary>
/// A request to share below threshold without consent. Held only by practitioners with the separate consent-override
/// permission; a different MASH manager approves or rejects it. For a red contact it takes effect at once and the
/// approval is retrospective, due by <see cref="ApprovalDueUtc"/>.
/// </summary>
public sealed class ConsentOverrideRequest : IHubScoped
{
    public Guid Id { get; set; }

    public Guid HubId { get; set; }

    public Guid ContactId { get; set; }

    public Guid RequestedByUserId { get; set; }

    public required string RequestedByName { get; set; }

    public DateTime RequestedAtUtc { get; set; }

    public required string Justification { get; set; }

    public RagRating? Rag { get; set; }

    public bool TakesEffectAtOnce { get; set; }

    public DateTime? ApprovalDueUtc { get; set; }

    public OverrideStatus Status { get; set; }

    public Guid? DecidedByUserId { get; set; }

    public string? DecidedByName { get; set; }

    public DateTime? DecidedAtUtc { get; set; }

    public string? DecisionComment { get; set; }

    /// <summary>
    /// In force: approved, or red and still awaiting its retrospective approval before that approval is due. Once
    /// the approval is overdue the override stops counting until a manager approves it.
    /// </summary>
    public bool IsInForce(DateTime nowUtc) => Status == OverrideStatus.Approved
        || (Status == OverrideStatus.Pending && TakesEffectAtOnce && ApprovalDueUtc is { } due && due > nowUtc);

    public bool IsOverdue(DateTime nowUtc) => Status == OverrideStatus.Pending && ApprovalDueUtc is { } due && due <= nowUtc;

    public string StatusText(DateTime nowUtc) => IsOverdue(nowUtc)
        ? "Overdue for approval"
        : Status switch
        {
            OverrideStatus.Approved => "Approved",
            OverrideStatus.Rejected => "Rejected",
            _ when TakesEffectAtOnce => "In force, awaiting retrospective approval",
            _ => "Awaiting approval",
        };
}
