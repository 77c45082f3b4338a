using Microsoft.AspNetCore.Mvc.ApplicationModels;
using OpenMash.Web.Features.Contacts;
using OpenMash.Web.Features.Shared;
using OpenMash.Web.Features.Shared.SubjectAccess;
using OpenMash.Web.Security;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Decisions;

public sealed class Conventions : IFeatureConventions
{
    /// <summary>Decision pages for MASH managers only; the rest of the folder is open to screeners too.</summary>
    public static readonly IReadOnlyList<string> ManagerDecisionPages = ["/Decisions/Index", "/Decisions/Decide", "/Decisions/DipSample"];

    public void Configure(PageConventionCollection conventions)
    {
        conventions.AuthorizeFolder("/Decisions", Policies.CaseWork);
        foreach (var page in ManagerDecisionPages)
        {
            conventions.AuthorizePage(page, Policies.Manager);
        }

        conventions
            .GuardRecords<ContactLoader>("/Decisions", "contactId")
            .GuardRecords<DecisionLoader>("/Decisions", "decisionId")
            .GuardPostedRecords<DecisionLoader>("/Decisions/DipSample", nameof(DipSampleModel.DecisionId));
    }
}

public static class DecisionsServiceCollectionExtensions
{
    public static IServiceCollection AddDecisions(this IServiceCollection services) => services
        .AddScoped<DecisionService>()
        .AddScoped<DecisionLoader>()
        .AddScoped<ISubjectAccessSection, DecisionsSubjectAccess>();
}
