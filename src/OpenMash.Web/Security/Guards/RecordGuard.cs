using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using OpenMash.Web.Data;

namespace OpenMash.Web.Security.Guards;

/// <summary>
/// Loads one type of record by its id through the hub-filtered <see cref="OpenMashDbContext"/>: null when the
/// record is not one of the user's hub (or does not exist, which the user must not be able to tell apart).
/// </summary>
public interface IRecordLoader
{
    /// <summary>The audit row's target type.</summary>
    string TargetType { get; }

    /// <summary>The audit row's detail when the record is not found.</summary>
    string NotFoundDetail { get; }

    Task<object?> LoadAsync(Guid id, RouteValueDictionary route, CancellationToken ct);

    /// <summary>
    /// The children the record with this id names, looked up in every hub (not only the user's): a refusal row names
    /// them so that it shows in their access history. Empty for records that name no child.
    /// </summary>
    Task<IReadOnlyList<Guid>> SubjectsAnywhereAsync(Guid id, RouteValueDictionary route, CancellationToken ct);
}

public abstract class RecordLoader<TRecord> : IRecordLoader
    where TRecord : class
{
    public abstract string TargetType { get; }

    public abstract string NotFoundDetail { get; }

    async Task<object?> IRecordLoader.LoadAsync(Guid id, RouteValueDictionary route, CancellationToken ct) => await LoadAsync(id, route, ct);

    public virtual Task<IReadOnlyList<Guid>> SubjectsAnywhereAsync(Guid id, RouteValueDictionary route, CancellationToken ct) => Task.FromResult<IReadOnlyList<Guid>>([]);

    protected abstract Task<TRecord?> LoadAsync(Guid id, RouteValueDictionary route, CancellationToken ct);
}

/// <summary>
/// What a record page writes to the audit log when its record is refused: the action and purpose it also uses for
/// its reads. Required on every page whose route carries a record id (the convention fails at start-up without it).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class AuditedAsAttribute(string action) : Attribute
{
    public string Action { get; } = action;

    public string? Purpose { get; init; }
}

/// <summary>
/// A named policy the guarded record must satisfy, evaluated with the record as the resource: on the page model for
/// every handler, or on one handler method. <see cref="Action"/> names the refused action when it is not the page's.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class AuthorizeRecordAttribute(string policy) : Attribute
{
    public string Policy { get; } = policy;

    public string? Action { get; init; }
}

/// <summary>Why a record guard answered 403, for the error page to say.</summary>
public sealed record RecordRefusal(string Reason);

/// <summary>The records the guards of this request loaded, by route value name.</summary>
public sealed class GuardedRecords
{
    private readonly Dictionary<string, object> _records = new(StringComparer.OrdinalIgnoreCase);

    internal void Add(string routeKey, object record) => _records[routeKey] = record;

    public T Get<T>(string routeKey)
        where T : class =>
        _records.GetValueOrDefault(routeKey) as T ?? throw new InvalidOperationException($"No {typeof(T).Name} was loaded by a guard for route value '{routeKey}'.");

    public T Only<T>()
        where T : class =>
        _records.Values.OfType<T>().ToList() is [var only] ? only : throw new InvalidOperationException($"Expected one guarded {typeof(T).Name}.");
}

public static class GuardedRecordExtensions
{
    /// <summary>The page's record, loaded and authorised by its guard before the handler ran. Throws if no guard ran.</summary>
    public static T Record<T>(this HttpContext http)
        where T : class => Records(http).Only<T>();

    public static T Record<T>(this HttpContext http, string routeKey)
        where T : class => Records(http).Get<T>(routeKey);

    private static GuardedRecords Records(HttpContext http) =>
        http.Features.Get<GuardedRecords>() ?? throw new InvalidOperationException("No record guard ran for this page.");
}

/// <summary>Where a guard reads its record id.</summary>
public enum RecordIdSource
{
    /// <summary>A route value of the page's address: every request to the page carries it.</summary>
    Route,

    /// <summary>
    /// A field of a posted form, or the post's query string (a list page acting on one of its rows): guarded on posts
    /// only, as model binding would read it.
    /// </summary>
    Form,
}

/// <summary>Creates the guard for one request: the loader and the DbContext are the request's own.</summary>
public sealed class RecordGuardFactory(Type loaderType, string routeKey, AuditedAsAttribute audit, RecordIdSource source = RecordIdSource.Route) : IFilterFactory, IOrderedFilter
{
    public Type LoaderType { get; } = loaderType;

    /// <summary>The route value (or, for <see cref="RecordIdSource.Form"/>, the form field) holding the id.</summary>
    public string RouteKey { get; } = routeKey;

    public RecordIdSource Source { get; } = source;

    public AuditedAsAttribute Audit { get; } = audit;

    /// <summary>Before any other page filter, so that nothing runs for a refused record.</summary>
    public int Order => -1000;

    public bool IsReusable => false;

    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider) => new RecordGuardFilter(
        this,
        (IRecordLoader)serviceProvider.GetRequiredService(LoaderType),
        serviceProvider.GetRequiredService<OpenMashDbContext>(),
        serviceProvider.GetRequiredService<IAuthorizationService>());
}

/// <summary>
/// The one place a record page's record is loaded and refused. Reads the route value, loads the record through the
/// hub filter (404 when it is not the hub's: never reveal that it exists), evaluates the page's and the handler's
/// <see cref="AuthorizeRecordAttribute"/> policies with the record as resource (403, or 404 for a requirement that
/// hides existence), writes one Refused audit row naming the target in the same request, and otherwise hands the
/// page the record (<see cref="GuardedRecordExtensions.Record{T}(HttpContext)"/>).
/// </summary>
public sealed class RecordGuardFilter(RecordGuardFactory guard, IRecordLoader loader, OpenMashDbContext db, IAuthorizationService authorization) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        var ct = http.RequestAborted;
        string? raw;
        if (guard.Source == RecordIdSource.Route)
        {
            raw = context.RouteData.Values.GetValueOrDefault(guard.RouteKey)?.ToString();
        }
        else if (HttpMethods.IsPost(http.Request.Method))
        {
            var posted = http.Request.HasFormContentType ? (await http.Request.ReadFormAsync(ct))[guard.RouteKey].ToString() : string.Empty;
            raw = posted.Length > 0 ? posted : http.Request.Query[guard.RouteKey].ToString();
        }
        else
        {
            await next();
            return;
        }

        if (!Guid.TryParse(raw, out var id))
        {
            await RefuseAsync(guard.Audit.Action, raw, "no record id in the address", [], ct);
            context.Result = new NotFoundResult();
            return;
        }

        var record = await loader.LoadAsync(id, context.RouteData.Values, ct);
        if (record is null)
        {
            await RefuseAsync(guard.Audit.Action, id.ToString(), loader.NotFoundDetail, await loader.SubjectsAnywhereAsync(id, context.RouteData.Values, ct), ct);
            context.Result = new NotFoundResult();
            return;
        }

        var rules = context.HandlerInstance.GetType().GetCustomAttributes<AuthorizeRecordAttribute>()
            .Concat(context.HandlerMethod?.MethodInfo.GetCustomAttributes<AuthorizeRecordAttribute>() ?? []);
        foreach (var rule in rules)
        {
            var result = await authorization.AuthorizeAsync(http.User, record, rule.Policy);
            if (result.Succeeded)
            {
                continue;
            }

            var reasons = (result.Failure?.FailedRequirements.OfType<IExplainedRequirement>().Select(r => r.Refusal) ?? [])
                .Concat(result.Failure?.FailureReasons.Select(r => r.Message) ?? []).ToList();
            var hidden = result.Failure?.FailedRequirements.Any(r => r is IHidesExistence) == true;
            var detail = reasons.Count > 0
                ? string.Join("; ", reasons)
                : RefusalWords.For(result.Failure);
            var subjects = record is IAuditSubjects named ? named.AuditSubjects.ToList() : await loader.SubjectsAnywhereAsync(id, context.RouteData.Values, ct);
            await RefuseAsync(rule.Action ?? guard.Audit.Action, id.ToString(), detail, subjects, ct);
            if (hidden)
            {
                context.Result = new NotFoundResult();
            }
            else
            {
                if (reasons.Count > 0)
                {
                    http.Features.Set(new RecordRefusal(string.Join(" ", reasons)));
                }

                context.Result = new ForbidResult();
            }

            return;
        }

        var records = http.Features.Get<GuardedRecords>() ?? new GuardedRecords();
        records.Add(guard.RouteKey, record);
        http.Features.Set(records);
        await next();
    }

    private async Task RefuseAsync(string action, string? targetId, string detail, IReadOnlyList<Guid> subjects, CancellationToken ct)
    {
        db.Audit(action, AuditOutcome.Refused, loader.TargetType, targetId, subjects.Count > 0 ? subjects : null, guard.Audit.Purpose, detail);
        await db.SaveChangesAsync(ct);
    }
}
