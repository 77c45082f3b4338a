using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace OpenMash.Web.Features.Api;

/// <summary>
/// Access tokens: the token's id, the client id, agency, hub and secret version, protected (encrypted and signed)
/// by ASP.NET Core Data Protection with an expiry. The protector checks the expiry against the system clock; the
/// injected TimeProvider is checked as well, so that tests and the application agree on when a token runs out.
/// Protection alone is not enough to be accepted: every issued token has an <see cref="ApiToken"/> record, and the
/// bearer handler refuses a token without one (made with a stolen key ring) or of an older secret version.
/// </summary>
public sealed class ApiTokenService(IDataProtectionProvider provider, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly ITimeLimitedDataProtector _protector = provider.CreateProtector("OpenMash.Api.AccessToken.v2").ToTimeLimitedDataProtector();

    /// <summary>A new token and the record to store with it (the caller saves the record with its audit row).</summary>
    public (string Token, ApiToken Record) Issue(ApiClient client)
    {
        var now = time.GetUtcNow();
        var record = new ApiToken
        {
            Id = Guid.NewGuid(),
            ApiClientId = client.Id,
            ClientId = client.ClientId,
            SecretVersion = client.SecretVersion,
            IssuedAtUtc = now.UtcDateTime,
            ExpiresAtUtc = (now + Lifetime).UtcDateTime,
        };
        var payload = new ApiTokenPayload(record.Id, client.ClientId, client.AgencyId, client.HubId, client.SecretVersion);
        return (_protector.Protect(JsonSerializer.Serialize(payload), now + Lifetime), record);
    }

    public ApiTokenPayload? Read(string token)
    {
        try
        {
            var json = _protector.Unprotect(token, out var expires);
            return expires <= time.GetUtcNow() ? null : JsonSerializer.Deserialize<ApiTokenPayload>(json);
        }
        catch (Exception e) when (e is CryptographicException or FormatException or JsonException)
        {
            return null;
        }
    }
}
