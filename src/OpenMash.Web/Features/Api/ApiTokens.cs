using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenMash.Web.Data;
using OpenMash.Web.Security;

namespace OpenMash.Web.Features.Api;

public sealed record ApiTokenPayload(string ClientId, Guid AgencyId, Guid HubId);

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

/// <summary>The principal of an agency system: no user id, named "api:client-id", with its agency and hub.</summary>
public static class ApiPrincipal
{
    public static string UserNameFor(string clientId) => "api:" + clientId;

    public static ClaimsPrincipal Create(string clientId, Guid agencyId, Guid hubId, string scheme)
    {
        var name = UserNameFor(clientId);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, name),
                new Claim(ClaimTypes.Name, name),
                new Claim(OpenMashClaims.ApiClientId, clientId),
                new Claim(OpenMashClaims.AgencyId, agencyId.ToString()),
                new Claim(OpenMashClaims.HubId, hubId.ToString()),
            ],
            scheme);
        return new ClaimsPrincipal(identity);
    }

    public static string ClientId(ClaimsPrincipal user) =>
        user.FindFirstValue(OpenMashClaims.ApiClientId) ?? throw new InvalidOperationException("Not an API client.");
}

/// <summary>
/// Bearer tokens for agency systems. The client is looked up on every request, so that disabling it (or its
/// agency) takes effect at once, not when the token expires.
/// </summary>
public sealed class ApiBearerHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiTokenService tokens, OpenMashDbContext db)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string Prefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = tokens.Read(header[Prefix.Length..].Trim());
        if (token is null)
        {
            return AuthenticateResult.Fail("The access token is not valid or has expired.");
        }

        var client = await db.ApiClients.Where(c => c.ClientId == token.ClientId)
            .Select(c => new { c.IsDisabled, c.AgencyId, c.HubId, AgencyDisabled = c.Agency.IsDisabled })
            .SingleOrDefaultAsync(Context.RequestAborted);
        if (client is null || client.AgencyId != token.AgencyId || client.HubId != token.HubId)
        {
            return AuthenticateResult.Fail("The access token's client is not registered.");
        }

        if (client.IsDisabled || client.AgencyDisabled)
        {
            db.Audit(AuditActions.ApiTokenRefused, AuditOutcome.Refused, "ApiClient", token.ClientId, detail: "client disabled",
                actor: ApiClientRegistry.ActorFor(token.ClientId, client.AgencyId, client.HubId));
            await db.SaveChangesAsync(Context.RequestAborted);
            return AuthenticateResult.Fail("The client is disabled.");
        }

        return AuthenticateResult.Success(new AuthenticationTicket(ApiPrincipal.Create(token.ClientId, client.AgencyId, client.HubId, Scheme.Name), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = Request.Headers.Authorization.Count > 0 ? "Bearer error=\"invalid_token\"" : "Bearer";
        return Task.CompletedTask;
    }
}
