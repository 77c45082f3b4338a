using Microsoft.AspNetCore.Mvc.ApplicationModels;
using OpenMash.Web.Features.Contacts;
using OpenMash.Web.Features.Shared;
using OpenMash.Web.Features.Shared.SubjectAccess;
using OpenMash.Web.Security;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Consent;

public sealed class Conventions : IFeatureConventions
{
    public void Configure(PageConventionCollection conventions) => conventions
        .AuthorizeFolder("/Consent/Case", Policies.CaseWork)
        .AuthorizeFolder("/Consent/Overrides", Policies.Manager)
        .AuthorizeFolder("/Consent/Governance", Policies.AuditSearch)
        .GuardRecords<ContactLoader>("/Consent/Case", "contactId")
        .GuardRecords<OverrideLoader>("/Consent/Overrides", "id");
}

public static class ConsentServiceCollectionExtensions
{
    public static IServiceCollection AddConsent(this IServiceCollection services) => services
        .AddScoped<ConsentService>()
        .AddScoped<ConsentOverrideService>()
        .AddScoped<OverrideLoader>()
        .AddScoped<ISubjectAccessSection, ConsentSubjectAccess>();
}
