namespace OpenMash.Web.Domain.Api;

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
