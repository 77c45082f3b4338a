using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenMash.Web.Data;

namespace OpenMash.Web.Features.Api;

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
