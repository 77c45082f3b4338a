namespace OpenMash.Web.Domain.Checks;

/// <summary>
/// A request to one partner agency for what it knows. Its answer is the agency's own attributed, timestamped
/// section of the record, never pasted into notes; researchers see only their own agency's requests.
/// </summary>
public sealed class MultiAgencyCheck : IHubScoped
{
    public Guid Id { get; set; }

    public Guid HubId { get; set; }

    public Guid ContactId { get; set; }

    public Guid AgencyId { get; set; }

    public Agency Agency { get; set; } = null!;

    public Guid RequestedByUserId { get; set; }

    public DateTime RequestedAtUtc { get; set; }

    public DateTime DueAtUtc { get; set; }

    public CheckStatus Status { get; set; }

    public Guid? AnsweredByUserId { get; set; }

    public DateTime? AnsweredAtUtc { get; set; }

    public bool? Known { get; set; }

    public string? Summary { get; set; }

    public string? Details { get; set; }

    public int ChaseCount { get; set; }

    public DateTime? LastChasedAtUtc { get; set; }

    public List<CheckItem> Items { get; set; } = [];
}
