using Microsoft.AspNetCore.Mvc.ApplicationModels;
using OpenMash.Web.Security;

namespace OpenMash.Web.Features.Access;

/// <summary>Each access page's policy. The folder has no common audience, so every page names its own.</summary>
public static class AccessPages
{
    public static readonly IReadOnlyDictionary<string, string> Policy = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // Only case-work roles may break glass; anyone else is refused (and audited) by the policy.
        ["/Access/BreakGlass"] = Policies.CaseWork,
        ["/Access/History"] = Policies.AccessHistory,
        ["/Access/Reviews"] = Policies.AuditSearch,
        ["/Access/SubjectAccess"] = Policies.AuditSearch,
        ["/Access/Find"] = Policies.AccessHistory,
    };

    public static void Authorize(PageConventionCollection conventions)
    {
        foreach (var (page, policy) in Policy)
        {
            conventions.AuthorizePage(page, policy);
        }
    }
}
