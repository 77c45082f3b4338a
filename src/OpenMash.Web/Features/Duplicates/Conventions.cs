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
    /// <summary>
    /// The person matcher's index (kept warm from start-up and in step with the person change feed), the duplicate
    /// queue, merges and the duplicate list.
    /// </summary>
    public static IServiceCollection AddDuplicates(this IServiceCollection services) => services
        .AddOptionsFrom<DuplicatesOptions>(DuplicatesOptions.Section)
        .AddSingleton<PersonIndex>()
        .AddSingleton<DuplicateQueue>()
        .AddHostedService<PersonIndexWarmup>()
        .AddHostedService<PersonFeedService>()
        .AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.ISaveChangesInterceptor, PersonIndexSaveChangesInterceptor>()
        .AddScoped<MergeService>()
        .AddScoped<DuplicateFinder>()
        .AddScoped<PossibleMatches>()
        .AddScoped<IntakeResolution>()
        .AddScoped<LivePersonLoader>()
        .AddScoped<MergeLoader>()
        .AddScoped<PossibleRecordLoader>()
        .AddScoped<ISubjectAccessSection, DuplicatesSubjectAccess>();

    private static IServiceCollection AddOptionsFrom<T>(this IServiceCollection services, string section)
        where T : class
    {
        services.AddOptions<T>().BindConfiguration(section);
        return services;
    }
}
