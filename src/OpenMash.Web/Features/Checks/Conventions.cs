using Microsoft.AspNetCore.Mvc.ApplicationModels;
using OpenMash.Web.Features.Shared;
using OpenMash.Web.Features.Shared.SubjectAccess;
using OpenMash.Web.Security;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Checks;

public sealed class Conventions : IFeatureConventions
{
    public void Configure(PageConventionCollection conventions) => conventions
        .AuthorizeFolder("/Checks", Policies.Research)
        .GuardRecords<CheckLoader>("/Checks", "checkId");
}

public static class ChecksServiceCollectionExtensions
{
    /// <summary>Checks, their answers, and the chaser that flags overdue checks in the background.</summary>
    public static IServiceCollection AddChecks(this IServiceCollection services) => services
        .AddScoped<CheckService>()
        .AddScoped<CheckLoader>()
        .AddScoped<ChaseService>()
        .AddScoped<ISubjectAccessSection, ChecksSubjectAccess>()
        .AddSingleton<CheckChaser>()
        .AddHostedService(sp => sp.GetRequiredService<CheckChaser>());
}
