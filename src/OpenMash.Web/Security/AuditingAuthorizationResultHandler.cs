using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc.Abstractions;
using OpenMash.Web.Data;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Security;

/// <summary>
/// Every request refused by an authorisation policy leaves an audit row before the 403 goes out. When the refused
/// page carries record ids (its record guards say which), the row names the children those records concern, in
/// whichever hub, so that the refusal shows in those children's access history (the target stays the address).
/// </summary>
public sealed class AuditingAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden)
        {
            var db = context.RequestServices.GetRequiredService<OpenMashDbContext>();
            var subjects = await RefusedSubjectsAsync(context);
            db.Audit(
                AuditActions.AccessRefused,
                AuditOutcome.Refused,
                "Endpoint",
                context.Request.Path.Value,
                subjects.Count > 0 ? subjects : null,
                detail: RefusalWords.For(authorizeResult.AuthorizationFailure));
            await db.SaveChangesAsync(context.RequestAborted);
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }

    /// <summary>Every child the records in the page's address name (its record guards say which route values are records).</summary>
    private static async Task<IReadOnlyList<Guid>> RefusedSubjectsAsync(HttpContext context)
    {
        var guards = context.GetEndpoint()?.Metadata.GetMetadata<ActionDescriptor>()?.FilterDescriptors
            .Select(f => f.Filter).OfType<RecordGuardFactory>().Where(g => g.Source == RecordIdSource.Route).ToList() ?? [];
        var subjects = new List<Guid>();
        foreach (var guard in guards)
        {
            if (Guid.TryParse(context.GetRouteValue(guard.RouteKey)?.ToString(), out var id))
            {
                var loader = (IRecordLoader)context.RequestServices.GetRequiredService(guard.LoaderType);
                subjects.AddRange(await loader.SubjectsAnywhereAsync(id, context.Request.RouteValues, context.RequestAborted));
            }
        }

        return subjects.Distinct().ToList();
    }
}
