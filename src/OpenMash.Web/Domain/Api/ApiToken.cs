namespace OpenMash.Web.Domain.Api;

/// <summary>
/// An access token issued to an agency system. A token is accepted only while its record exists, has not expired
/// and was issued under the client's current secret version, so a token minted with the key ring alone (no record)
/// or kept from before a secret rotation is refused.
/// </summary>
public sealed class ApiToken
{
    /// <summary>The token's id, carried inside the protected token.</summary>
    public Guid Id { get; set; }

    public Guid ApiClientId { get; set; }

    public required string ClientId { get; set; }

    public int SecretVersion { get; set; }

    public DateTime IssuedAtUtc { get; set; }

    public DateTime ExpiresAtUtc { get; set; }

    public bool IsValidAt(DateTime nowUtc, int currentSecretVersion) => nowUtc < ExpiresAtUtc && SecretVersion == currentSecretVersion;
}
