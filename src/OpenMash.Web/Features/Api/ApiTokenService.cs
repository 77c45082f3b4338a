using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace OpenMash.Web.Features.Api;

/// <summary>
/// Access tokens: the client id, agency and hub, protected (encrypted and signed) by ASP.NET Core Data
/// Protection with an expiry. The protector checks the expiry against the system clock; the injected
/// TimeProvider is checked as well, so that tests and the application agree on when a token runs out.
/// </summary>
public sealed class ApiTokenService(IDataProtectionProvider provider, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly ITimeLimitedDataProtector _protector = provider.CreateProtector("OpenMash.Api.AccessToken.v1").ToTimeLimitedDataProtector();

    public string Issue(ApiClient client) =>
        _protector.Protect(JsonSerializer.Serialize(new ApiTokenPayload(client.ClientId, client.AgencyId, client.HubId)), time.GetUtcNow() + Lifetime);

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
