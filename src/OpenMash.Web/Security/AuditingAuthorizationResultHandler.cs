using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc.Abstractions;
using OpenMash.Web.Data;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Security;

/// <summary>
/// Every request refused by an authorisation policy leaves an audit row before the 403 goes out. When the refused
/// page carries record ids (its record guards say which), the row names the records and the children they concern,
/// in whichever hub, so that the refusal shows in those children's access history.
/// </summary>
public sealed class AuditingAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden)
        {
            var db = context.RequestServices.GetRequiredService<OpenMashDbContext>();
            var (targetType, targetId, subjects) = await RefusedRecordsAsync(context);
            db.Audit(
                AuditActions.AccessRefused,
                AuditOutcome.Refused,
                targetType ?? "Endpoint",
                targetId ?? context.Request.Path.Value,
                subjects.Count > 0 ? subjects : null,
                detail: RefusalWords.For(authorizeResult.AuthorizationFailure));
            await db.SaveChangesAsync(context.RequestAborted);
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }

    /// <summary>The first record id of the page's address and every child its records name.</summary>
    private static async Task<(string? TargetType, string? TargetId, IReadOnlyList<Guid> Subjects)> RefusedRecordsAsync(HttpContext context)
    {
        var guards = context.GetEndpoint()?.Metadata.GetMetadata<ActionDescriptor>()?.FilterDescriptors
            .Select(f => f.Filter).OfType<RecordGuardFactory>().Where(g => g.Source == RecordIdSource.Route).ToList() ?? [];
        string? targetType = null, targetId = null;
        var subjects = new List<Guid>();
        foreach (var guard in guards)
        {
            if (!Guid.TryParse(context.GetRouteValue(guard.RouteKey)?.ToString(), out var id))
            {
                continue;
            }

            var loader = (IRecordLoader)context.RequestServices.GetRequiredService(guard.LoaderType);
            targetType ??= loader.TargetType;
            targetId ??= id.ToString();
            subjects.AddRange(await loader.SubjectsAnywhereAsync(id, context.Request.RouteValues, context.RequestAborted));
        }

        return (targetType, targetId, subjects.Distinct().ToList());
    }
}
