using System.Reflection;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Routing.Patterns;

namespace OpenMash.Web.Security.Guards;

/// <summary>Binds a record guard, by convention, to every page of a folder whose route carries the record's id.</summary>
public static class RecordGuardConventions
{
    public static PageConventionCollection GuardRecords<TLoader>(this PageConventionCollection conventions, string folderPath, string routeKey)
        where TLoader : IRecordLoader
    {
        conventions.AddFolderApplicationModelConvention(folderPath, model =>
        {
            if (!RouteParameters([model.ActionDescriptor.AttributeRouteInfo?.Template]).Contains(routeKey, StringComparer.OrdinalIgnoreCase))
            {
                return;
            }

            var audit = model.HandlerType.GetCustomAttribute<AuditedAsAttribute>()
                ?? throw new InvalidOperationException($"{model.ViewEnginePath} carries a record id ({routeKey}) but does not say how it is audited: add [AuditedAs].");
            model.Filters.Add(new RecordGuardFactory(typeof(TLoader), routeKey, audit));
        });
        return conventions;
    }

    /// <summary>
    /// Binds a record guard to one page that acts on a record named by a posted form field (a list with a button per
    /// row): a post whose id is not a record the user may act on is answered 404 or 403 and audited like a record
    /// page's, before the handler runs.
    /// </summary>
    public static PageConventionCollection GuardPostedRecords<TLoader>(this PageConventionCollection conventions, string pagePath, string formField)
        where TLoader : IRecordLoader
    {
        conventions.AddPageApplicationModelConvention(pagePath, model =>
        {
            var audit = model.HandlerType.GetCustomAttribute<AuditedAsAttribute>()
                ?? throw new InvalidOperationException($"{model.ViewEnginePath} acts on a posted record id ({formField}) but does not say how it is audited: add [AuditedAs].");
            model.Filters.Add(new RecordGuardFactory(typeof(TLoader), formField, audit, RecordIdSource.Form));
        });
        return conventions;
    }

    /// <summary>The parameter names of route templates; a <c>guid</c> parameter is a record id.</summary>
    public static IEnumerable<string> RouteParameters(IEnumerable<string?> templates, bool recordIdsOnly = false) =>
        templates.OfType<string>()
            .SelectMany(t => RoutePatternFactory.Parse(t).Parameters)
            .Where(p => !recordIdsOnly || p.ParameterPolicies.Any(policy => policy.Content == "guid"))
            .Select(p => p.Name)
            .Distinct(StringComparer.OrdinalIgnoreCase);
}
