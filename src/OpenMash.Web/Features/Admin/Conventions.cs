using Microsoft.AspNetCore.Mvc.ApplicationModels;
using OpenMash.Web.Features.Shared;
using OpenMash.Web.Security;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Admin;

public sealed class Conventions : IFeatureConventions
{
    // Data sharing agreements are also approved and revoked by information governance officers, so that folder has
    // its own policy; every other administration page is for administrators only.
    public void Configure(PageConventionCollection conventions) => conventions
        .AuthorizePage("/Admin/Index", Policies.Administration)
        .AuthorizePage("/Admin/Settings", Policies.Administration)
        .AuthorizeFolder("/Admin/ClosureDays", Policies.Administration)
        .AuthorizeFolder("/Admin/Users", Policies.Administration)
        .AuthorizeFolder("/Admin/Agencies", Policies.Administration)
        .AuthorizeFolder("/Admin/ApiClients", Policies.Administration)
        .AuthorizeFolder("/Admin/Grants", Policies.Administration)
        .AuthorizeFolder("/Admin/Outbox", Policies.Administration)
        .AuthorizeFolder("/Admin/Sharing", Policies.SharingAgreements)
        .GuardRecords<HubUserLoader>("/Admin/Users", "id")
        .GuardRecords<HubAgencyLoader>("/Admin/Agencies", "id")
        .GuardPostedRecords<HubApiClientLoader>("/Admin/ApiClients/Index", "id")
        .GuardPostedRecords<OutboxMessageLoader>("/Admin/Outbox/Index", "id")
        .GuardRecords<AgreementLoader>("/Admin/Sharing", "id")
        .GuardRecords<RoleGrantLoader>("/Admin/Grants", "id")
        .GuardRecords<ClosureDayLoader>("/Admin/ClosureDays", "id");
}

public static class AdminServiceCollectionExtensions
{
    public static IServiceCollection AddAdmin(this IServiceCollection services) => services
        .AddScoped<AdminService>()
        .AddScoped<HubUserLoader>()
        .AddScoped<HubAgencyLoader>()
        .AddScoped<HubApiClientLoader>()
        .AddScoped<AgreementLoader>()
        .AddScoped<RoleGrantLoader>()
        .AddScoped<OutboxMessageLoader>()
        .AddScoped<ClosureDayLoader>()
        .AddScoped<ClosureDays.ClosureDayService>()
        .AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, SecondAdministratorHandler>();
}
