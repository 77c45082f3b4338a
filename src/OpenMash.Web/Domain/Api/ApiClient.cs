namespace OpenMash.Web.Domain.Api;

/// <summary>An agency system allowed to post contacts with OAuth 2.0 client credentials.</summary>
public sealed class ApiClient
{
    public Guid Id { get; set; }

    public required string ClientId { get; set; }

    /// <summary>The secret, hashed like a password; never stored in clear.</summary>
    public required string SecretHash { get; set; }

    /// <summary>
    /// Which secret is current: 1 for the first, one more at each rotation. Every token carries the version it was
    /// issued under, and a token of an earlier version is refused.
    /// </summary>
    public int SecretVersion { get; set; } = 1;

    public required string Name { get; set; }

    public Guid AgencyId { get; set; }

    public Agency Agency { get; set; } = null!;

    public Guid HubId { get; set; }

    public bool IsDisabled { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Replaces the secret: tokens issued under the old one stop working on their next request.</summary>
    public void RotateSecret(string newSecretHash)
    {
        if (IsDisabled)
        {
            throw new InvalidOperationException("A disabled client's secret cannot be rotated.");
        }

        SecretHash = newSecretHash;
        SecretVersion++;
    }
}
