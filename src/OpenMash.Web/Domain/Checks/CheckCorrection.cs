namespace OpenMash.Web.Domain.Checks;

/// <summary>
/// The answering agency corrected its sent answer before the contact's decision: who, when and why, and the answer as it
/// was before (its items are kept, marked as replaced by this correction).
/// </summary>
public sealed class CheckCorrection : IHubScoped
{
    public Guid Id { get; set; }

    public Guid HubId { get; set; }

    public Guid CheckId { get; set; }

    public Guid CorrectedByUserId { get; set; }

    public DateTime CorrectedAtUtc { get; set; }

    public required string Reason { get; set; }

    public bool? PreviousKnown { get; set; }

    public string? PreviousSummary { get; set; }

    public string? PreviousDetails { get; set; }

    /// <summary>The earlier answer about each person, in words ("Chloe Checkwell: nothing held").</summary>
    public required string PreviousPeople { get; set; }
}
