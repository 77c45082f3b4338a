using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Security;

namespace OpenMash.Web.Features.Api;

/// <summary>Registers agency systems and checks their secrets. Secrets are hashed like passwords and shown once.</summary>
public sealed partial class ApiClientRegistry(OpenMashDbContext db, IPasswordHasher<ApiClient> hasher, TimeProvider time)
{
    private static string? s_dummyHash;

    /// <summary>256 random bits, base64url: safe in a form field and in a Basic header.</summary>
    public static string NewSecret() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>A readable, unique client id made from the system's name, e.g. "police-pp-notices-7k3q9x".</summary>
    public static string NewClientId(string name)
    {
        var slug = NonSlug().Replace(name.ToLowerInvariant(), "-").Trim('-');
        if (slug.Length > 40)
        {
            slug = slug[..40].TrimEnd('-');
        }

        var suffix = new string(RandomNumberGenerator.GetItems<char>("abcdefghjkmnpqrstuvwxyz23456789", 6));
        return slug.Length == 0 ? "client-" + suffix : $"{slug}-{suffix}";
    }

    /// <summary>The audit actor for a client: never a user, always named "api:client-id".</summary>
    public static Actor ActorFor(string clientId, Guid? agencyId, Guid? hubId) =>
        new(null, ApiPrincipal.UserNameFor(clientId), agencyId, hubId, null);

    public async Task<(ApiClient Client, string Secret)> RegisterAsync(string clientId, string name, Guid agencyId, Guid hubId, string? secret = null, CancellationToken ct = default)
    {
        secret ??= NewSecret();
        var client = new ApiClient
        {
            Id = Guid.NewGuid(),
            ClientId = clientId,
            Name = name,
            AgencyId = agencyId,
            HubId = hubId,
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
            SecretHash = string.Empty,
        };
        client.SecretHash = hasher.HashPassword(client, secret);
        db.ApiClients.Add(client);
        await db.SaveChangesAsync(ct);
        return (client, secret);
    }

    /// <summary>
    /// Gives the client a new secret (returned once, only its hash kept) and a new secret version: every token
    /// issued under the old secret is refused from its next request.
    /// </summary>
    public async Task<string> RotateSecretAsync(ApiClient client, CancellationToken ct = default)
    {
        var secret = NewSecret();
        client.RotateSecret(hasher.HashPassword(client, secret));
        await db.SaveChangesAsync(ct);
        return secret;
    }

    public bool SecretMatches(ApiClient client, string secret) =>
        hasher.VerifyHashedPassword(client, client.SecretHash, secret) is PasswordVerificationResult.Success or PasswordVerificationResult.SuccessRehashNeeded;

    public string Hash(ApiClient client, string secret) => hasher.HashPassword(client, secret);

    /// <summary>
    /// Checks a client's credentials. An unknown client id costs the same hashing work as a known one, so that
    /// timing does not tell which client ids exist.
    /// </summary>
    public async Task<(ApiClient? Client, ClientAuthenticationFailure Failure)> AuthenticateAsync(string clientId, string secret, CancellationToken ct = default)
    {
        var client = clientId.Length > 100 ? null : await db.ApiClients.Include(c => c.Agency).SingleOrDefaultAsync(c => c.ClientId == clientId, ct);
        if (client is null)
        {
            var placeholder = new ApiClient { ClientId = clientId, Name = string.Empty, SecretHash = string.Empty };
            s_dummyHash ??= hasher.HashPassword(placeholder, NewSecret());
            hasher.VerifyHashedPassword(placeholder, s_dummyHash, secret);
            return (null, ClientAuthenticationFailure.UnknownClient);
        }

        if (!SecretMatches(client, secret))
        {
            return (client, ClientAuthenticationFailure.WrongSecret);
        }

        return client.IsDisabled || client.Agency.IsDisabled
            ? (client, ClientAuthenticationFailure.Disabled)
            : (client, ClientAuthenticationFailure.None);
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonSlug();
}
