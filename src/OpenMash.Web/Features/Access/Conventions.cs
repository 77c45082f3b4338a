using Microsoft.AspNetCore.Mvc.ApplicationModels;
using OpenMash.Web.Features.People;
using OpenMash.Web.Features.Shared;
using OpenMash.Web.Security;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Access;

/// <summary>Each access page's policy. The folder has no common audience, so every page names its own.</summary>
public static class AccessPages
{
    public static readonly IReadOnlyDictionary<string, string> Policy = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // Only case-work roles may break glass; anyone else is refused (and audited) by the policy.
        ["/Access/BreakGlass"] = Policies.BreakGlass,
        ["/Access/BreakGlassContact"] = Policies.BreakGlass,
        ["/Access/History"] = Policies.AccessHistory,
        ["/Access/Reviews"] = Policies.AuditSearch,
        ["/Access/SubjectAccess"] = Policies.AuditSearch,
        ["/Access/Find"] = Policies.AccessHistory,
    };
}

/// <summary>The pages' own policies, and the person guard of the pages about one of the hub's children.</summary>
public sealed class Conventions : IFeatureConventions
{
    public void Configure(PageConventionCollection conventions)
    {
        foreach (var (page, policy) in AccessPages.Policy)
        {
            conventions.AuthorizePage(page, policy);
        }

        conventions
            .GuardRecords<PersonLoader>("/Access", "id")
            .GuardRecords<LiveGrantLoader>("/Access", "grantId")
            .GuardRecords<GrantedContactLoader>("/Access", "contactId")
            .GuardPostedRecords<ReviewableGrantLoader>("/Access/Reviews", "grantId");
    }
}

public static class AccessServiceCollectionExtensions
{
    /// <summary>Other hubs' records (as the agreements allow), break glass, and subject access.</summary>
    public static IServiceCollection AddAccess(this IServiceCollection services) => services
        .AddScoped<BreakGlassService>()
        .AddScoped<SubjectAccessExport>()
        .AddScoped<ReviewableGrantLoader>()
        .AddScoped<LiveGrantLoader>()
        .AddScoped<GrantedContactLoader>();
}
