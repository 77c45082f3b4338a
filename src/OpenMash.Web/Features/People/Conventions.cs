using Microsoft.AspNetCore.Mvc.ApplicationModels;
using OpenMash.Web.Features.Shared;
using OpenMash.Web.Features.Shared.SubjectAccess;
using OpenMash.Web.Security;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.People;

public sealed class Conventions : IFeatureConventions
{
    public void Configure(PageConventionCollection conventions) => conventions
        .AuthorizeFolder("/People", Policies.CaseWork)
        .GuardRecords<PersonLoader>("/People", "id");
}

public static class PeopleServiceCollectionExtensions
{
    public static IServiceCollection AddPeople(this IServiceCollection services) => services
        .AddScoped<PlainPersonSearch>()
        .AddScoped<IPersonSearch, IndexedPersonSearch>()
        .AddScoped<PersonLoader>()
        .AddScoped<OtherHubLookup>()
        .AddScoped<ISubjectAccessSection, PeopleSubjectAccess>();
}
