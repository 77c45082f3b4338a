namespace OpenMash.Web.Domain.Api;

/// <summary>The first result of a post made with an Idempotency-Key, returned again for a retry.</summary>
public sealed class IdempotencyRecord
{
    public required string ClientId { get; set; }

    public required string Key { get; set; }

    public required string RequestHash { get; set; }

    public Guid ContactId { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
