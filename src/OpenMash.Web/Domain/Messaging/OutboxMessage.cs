namespace OpenMash.Web.Domain.Messaging;

/// <summary>E-mails waiting to be sent (feedback to referrers, chasers to agencies).</summary>
public sealed class OutboxMessage : IHubScoped
{
    public Guid Id { get; set; }

    public Guid HubId { get; set; }

    public required string Kind { get; set; }

    public Guid? ContactId { get; set; }

    public required string ToAddress { get; set; }

    public required string Subject { get; set; }

    public required string Body { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? SentAtUtc { get; set; }
}
