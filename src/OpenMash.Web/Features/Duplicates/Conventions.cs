using Microsoft.AspNetCore.Mvc.ApplicationModels;
using OpenMash.Web.Features.Shared;
using OpenMash.Web.Features.Shared.SubjectAccess;
using OpenMash.Web.Security;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Duplicates;

public sealed class Conventions : IFeatureConventions
{
    public void Configure(PageConventionCollection conventions) => conventions
        .AuthorizeFolder("/Duplicates", Policies.CaseWork)
        .GuardRecords<LivePersonLoader>("/Duplicates", "a")
        .GuardRecords<LivePersonLoader>("/Duplicates", "b")
        .GuardRecords<PossibleRecordLoader>("/Duplicates", "possibleId")
        .GuardPostedRecords<MergeLoader>("/Duplicates/Merges", nameof(MergesModel.MergeId));
}

public static class DuplicatesServiceCollectionExtensions
{
    /// <summary>The person matcher's index (kept warm from start-up), merges and the duplicate list.</summary>
    public static IServiceCollection AddDuplicates(this IServiceCollection services) => services
        .AddSingleton<PersonIndex>()
        .AddHostedService<PersonIndexWarmup>()
        .AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.ISaveChangesInterceptor, PersonIndexSaveChangesInterceptor>()
        .AddScoped<MergeService>()
        .AddScoped<DuplicateFinder>()
        .AddScoped<PossibleMatches>()
        .AddScoped<IntakeResolution>()
        .AddScoped<LivePersonLoader>()
        .AddScoped<MergeLoader>()
        .AddScoped<PossibleRecordLoader>()
        .AddScoped<ISubjectAccessSection, DuplicatesSubjectAccess>();
}
