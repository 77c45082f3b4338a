using Microsoft.AspNetCore.Mvc.ApplicationModels;
using OpenMash.Web.Features.Contacts;
using OpenMash.Web.Features.Shared;
using OpenMash.Web.Security;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Referrals;

/// <summary>A referral is a contact; whose it is, is the page's <see cref="Policies.OwnReferral"/> policy.</summary>
public sealed class Conventions : IFeatureConventions
{
    public void Configure(PageConventionCollection conventions) => conventions
        .AuthorizeFolder("/Referrals", Policies.Referral)
        .GuardRecords<ContactLoader>("/Referrals", "id");
}
