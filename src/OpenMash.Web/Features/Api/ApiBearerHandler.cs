using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenMash.Web.Data;

namespace OpenMash.Web.Features.Api;

/// <summary>
/// Bearer tokens for agency systems. The client and the token's record are looked up on every request, so that
/// disabling the client (or its agency) or rotating its secret takes effect at once, not when the token expires,
/// and a token protected with the key ring but never issued (no record) is refused.
/// </summary>
public sealed class ApiBearerHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiTokenService tokens, OpenMashDbContext db, TimeProvider time)
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
            .Select(c => new { c.Id, c.IsDisabled, c.AgencyId, c.HubId, c.SecretVersion, AgencyDisabled = c.Agency.IsDisabled })
            .SingleOrDefaultAsync(Context.RequestAborted);
        if (client is null || client.AgencyId != token.AgencyId || client.HubId != token.HubId)
        {
            return AuthenticateResult.Fail("The access token's client is not registered.");
        }

        var record = await db.ApiTokens.AsNoTracking().SingleOrDefaultAsync(t => t.Id == token.TokenId, Context.RequestAborted);
        var refusal = client switch
        {
            { IsDisabled: true } or { AgencyDisabled: true } => "client disabled",
            _ when record is null || record.ApiClientId != client.Id => "no record of issuing this token",
            _ when record.SecretVersion != client.SecretVersion || token.SecretVersion != client.SecretVersion => "token issued before the client's secret was changed",
            _ when !record.IsValidAt(time.GetUtcNow().UtcDateTime, client.SecretVersion) => "token expired",
            _ => null,
        };
        if (refusal is not null)
        {
            db.Audit(AuditActions.ApiTokenRefused, AuditOutcome.Refused, "ApiClient", token.ClientId, detail: refusal,
                actor: ApiClientRegistry.ActorFor(token.ClientId, client.AgencyId, client.HubId));
            await db.SaveChangesAsync(Context.RequestAborted);
            return AuthenticateResult.Fail("The access token is not valid: " + refusal + ".");
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
