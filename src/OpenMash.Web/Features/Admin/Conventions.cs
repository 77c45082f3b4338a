using Microsoft.AspNetCore.Mvc.ApplicationModels;
using OpenMash.Web.Features.Shared;
using OpenMash.Web.Security;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Admin;

public sealed class Conventions : IFeatureConventions
{
    public void Configure(PageConventionCollection conventions) => conventions
        .AuthorizeFolder("/Admin", Policies.Administration)
        .GuardRecords<HubUserLoader>("/Admin/Users", "id")
        .GuardRecords<HubAgencyLoader>("/Admin/Agencies", "id")
        .GuardPostedRecords<HubApiClientLoader>("/Admin/ApiClients/Index", "id");
}

public static class AdminServiceCollectionExtensions
{
    public static IServiceCollection AddAdmin(this IServiceCollection services) => services
        .AddScoped<AdminService>()
        .AddScoped<HubUserLoader>()
        .AddScoped<HubAgencyLoader>()
        .AddScoped<HubApiClientLoader>();
}
