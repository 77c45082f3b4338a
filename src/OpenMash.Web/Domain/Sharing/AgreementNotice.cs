namespace OpenMash.Web.Domain.Sharing;

/// <summary>
/// A notice to one hub's administrators and information governance officers that the other side of an agreement
/// proposed, approved, declined, revoked or asked to revoke it. Shown on the hub's agreements page; e-mails to the
/// same people are queued in the outbox (<see cref="EmailsQueued"/> counts them; queued is not sent).
/// </summary>
public sealed class AgreementNotice : IHubScoped
{
    public Guid Id { get; set; }

    /// <summary>The hub told.</summary>
    public Guid HubId { get; set; }

    public Guid AgreementId { get; set; }

    public int AgreementVersion { get; set; }

    public required string Text { get; set; }

    public int EmailsQueued { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
