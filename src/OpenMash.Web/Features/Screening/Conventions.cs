using Microsoft.AspNetCore.Mvc.ApplicationModels;
using OpenMash.Web.Features.Contacts;
using OpenMash.Web.Features.Shared;
using OpenMash.Web.Features.Shared.SubjectAccess;
using OpenMash.Web.Security;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Screening;

public sealed class Conventions : IFeatureConventions
{
    public void Configure(PageConventionCollection conventions) => conventions
        .AuthorizeFolder("/Screening", Policies.CaseWork)
        .AuthorizePage("/Screening/DecisionDue", Policies.Manager)
        .AuthorizePage("/Screening/Workload", Policies.Manager)
        .GuardRecords<ContactLoader>("/Screening", "contactId");
}

public static class ScreeningServiceCollectionExtensions
{
    public static IServiceCollection AddScreening(this IServiceCollection services) => services
        .AddScoped<ScreeningService>()
        .AddScoped<HouseholdService>()
        .AddScoped<ContactQueue>()
        .AddScoped<ISubjectAccessSection, ScreeningSubjectAccess>();
}
