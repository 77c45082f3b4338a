using Microsoft.AspNetCore.Mvc.ApplicationModels;
using OpenMash.Web.Features.Contacts;
using OpenMash.Web.Features.Shared;
using OpenMash.Web.Security;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.DataSharing;

/// <summary>A sharing decision outside the checks is case work on a contact of the user's hub.</summary>
public sealed class Conventions : IFeatureConventions
{
    public void Configure(PageConventionCollection conventions) => conventions
        .AuthorizeFolder("/DataSharing/Case", Policies.CaseWork)
        .GuardRecords<ContactLoader>("/DataSharing/Case", "contactId");
}
