using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using OpenMash.Web.Data;

namespace OpenMash.Web.Security;

/// <summary>Every request refused by an authorisation policy leaves an audit row before the 403 goes out.</summary>
public sealed class AuditingAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden)
        {
            var db = context.RequestServices.GetRequiredService<OpenMashDbContext>();
            db.Audit(AuditActions.AccessRefused, AuditOutcome.Refused, "Endpoint", context.Request.Path.Value, detail: RefusalWords.For(authorizeResult.AuthorizationFailure));
            await db.SaveChangesAsync(context.RequestAborted);
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
