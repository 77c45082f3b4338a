using Microsoft.AspNetCore.Mvc.ApplicationModels;
using OpenMash.Web.Features.Shared;
using OpenMash.Web.Features.Shared.SubjectAccess;
using OpenMash.Web.Security;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Contacts;

public sealed class Conventions : IFeatureConventions
{
    public void Configure(PageConventionCollection conventions) => conventions
        .AuthorizeFolder("/Contacts", Policies.CaseWork)
        .GuardRecords<ContactLoader>("/Contacts", "id")
        .GuardRecords<AttachmentLoader>("/Contacts", "attachmentId");
}

public static class ContactsServiceCollectionExtensions
{
    /// <summary>Recording contacts (the intake form's drafts too); the contact loader serves every feature's contact pages.</summary>
    public static IServiceCollection AddContacts(this IServiceCollection services) => services
        .AddScoped<ContactService>()
        .AddScoped<New.DraftStore>()
        .AddScoped<ContactLoader>()
        .AddScoped<AttachmentLoader>()
        .AddScoped<ContactRecordService>()
        .AddScoped<ISubjectAccessSection, ContactsSubjectAccess>()
        .AddScoped<ISubjectAccessSection, ContactRecordSubjectAccess>();
}
