using OpenMash.Web.Data;

namespace OpenMash.Web.Features.Api;

/// <summary>An agency system allowed to post contacts with OAuth 2.0 client credentials.</summary>
public sealed class ApiClient
{
    public Guid Id { get; set; }

    public required string ClientId { get; set; }

    /// <summary>The secret, hashed like a password; never stored in clear.</summary>
    public required string SecretHash { get; set; }

    public required string Name { get; set; }

    public Guid AgencyId { get; set; }

    public Agency Agency { get; set; } = null!;

    public Guid HubId { get; set; }

    public bool IsDisabled { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>The first result of a post made with an Idempotency-Key, returned again for a retry.</summary>
public sealed class IdempotencyRecord
{
    public required string ClientId { get; set; }

    public required string Key { get; set; }

    public required string RequestHash { get; set; }

    public Guid ContactId { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
