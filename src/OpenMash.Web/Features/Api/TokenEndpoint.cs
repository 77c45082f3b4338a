using System.Net.Http.Headers;
using System.Text;
using OpenMash.Web.Data;

namespace OpenMash.Web.Features.Api;

/// <summary>
/// POST /connect/token: OAuth 2.0 client credentials. The client authenticates with HTTP Basic or with
/// client_id and client_secret form fields, never both. Every refusal of a known or unknown client is audited.
/// </summary>
public static class TokenEndpoint
{
    public const string Path = "/connect/token";

    public static async Task<IResult> HandleAsync(HttpContext http, ApiClientRegistry registry, ApiTokenService tokens, OpenMashDbContext db)
    {
        var ct = http.RequestAborted;
        if (!http.Request.HasFormContentType)
        {
            return Error(StatusCodes.Status400BadRequest, "invalid_request", "Send the parameters as application/x-www-form-urlencoded.");
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return Error(StatusCodes.Status400BadRequest, "invalid_request", "The form could not be read.");
        }

        if (form.Any(f => f.Value.Count > 1))
        {
            return Error(StatusCodes.Status400BadRequest, "invalid_request", "A parameter was repeated.");
        }

        var grantType = form["grant_type"].ToString();
        if (grantType.Length == 0)
        {
            return Error(StatusCodes.Status400BadRequest, "invalid_request", "grant_type is missing.");
        }

        if (grantType != "client_credentials")
        {
            return Error(StatusCodes.Status400BadRequest, "unsupported_grant_type", "Only client_credentials is supported.");
        }

        var formId = form["client_id"].ToString();
        var formSecret = form["client_secret"].ToString();
        var basic = AuthenticationHeaderValue.TryParse(http.Request.Headers.Authorization, out var header)
            && string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase);
        if (basic && (formId.Length > 0 || formSecret.Length > 0))
        {
            return Error(StatusCodes.Status400BadRequest, "invalid_request", "Authenticate the client with HTTP Basic or with form fields, not both.");
        }

        var (clientId, secret) = basic ? ParseBasic(header!.Parameter) : (formId, formSecret);
        if (string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(secret))
        {
            return InvalidClient(http, basic);
        }

        var (client, failure) = await registry.AuthenticateAsync(clientId, secret, ct);
        var auditId = clientId.Length > 100 ? clientId[..100] : clientId;
        var actor = ApiClientRegistry.ActorFor(auditId, client?.AgencyId, client?.HubId);
        if (failure != ClientAuthenticationFailure.None)
        {
            var detail = failure switch
            {
                ClientAuthenticationFailure.UnknownClient => "unknown client",
                ClientAuthenticationFailure.WrongSecret => "wrong secret",
                _ => "client disabled",
            };
            db.Audit(AuditActions.ApiTokenRefused, AuditOutcome.Refused, "ApiClient", auditId, detail: detail, actor: actor);
            await db.SaveChangesAsync(ct);
            return InvalidClient(http, basic);
        }

        // The token's record and its audit row are saved together: a token the service has no record of is refused.
        var (token, record) = tokens.Issue(client!);
        db.ApiTokens.Add(record);
        db.Audit(AuditActions.ApiTokenIssued, AuditOutcome.Allowed, "ApiClient", auditId, actor: actor,
            detail: FormattableString.Invariant($"token {record.Id}, secret version {record.SecretVersion}, expires {record.ExpiresAtUtc:yyyy-MM-ddTHH:mm:ssZ}"));
        await db.SaveChangesAsync(ct);
        return Results.Json(new TokenResponse(token, "Bearer", (int)ApiTokenService.Lifetime.TotalSeconds));
    }

    /// <summary>RFC 6749 section 2.3.1: the id and secret are form-encoded before being joined with a colon.</summary>
    private static (string? Id, string? Secret) ParseBasic(string? parameter)
    {
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(parameter ?? string.Empty));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? (null, null) : (Uri.UnescapeDataString(decoded[..colon].Replace('+', ' ')), Uri.UnescapeDataString(decoded[(colon + 1)..].Replace('+', ' ')));
        }
        catch (FormatException)
        {
            return (null, null);
        }
    }

    private static IResult InvalidClient(HttpContext http, bool basic)
    {
        if (basic)
        {
            http.Response.Headers.WWWAuthenticate = "Basic realm=\"OpenMash\"";
        }

        return Error(StatusCodes.Status401Unauthorized, "invalid_client", "Client authentication failed.");
    }

    private static IResult Error(int status, string error, string description) => Results.Json(new OAuthError(error, description), statusCode: status);
}
