using static OpenMash.Sharing.Tests.Fixture;

namespace OpenMash.Sharing.Tests;

public class ItemRestrictionPolicyTests
{
    private static readonly ItemViewer SocialWorker = new(ViewerRole.MashSocialWorker, StaffordshireCsc, AgencyType.ChildrensSocialCare, Audience.MashInternal);
    private static readonly ItemViewer PoliceResearcher = new(ViewerRole.AgencyResearcher, StaffordshirePolice, AgencyType.Police, Audience.MashInternal);
    private static readonly ItemViewer Parent = new(ViewerRole.FamilyMember, default, AgencyType.Other, Audience.FamilyOrSubjectAccess);
    private static readonly ItemViewer ReferrerFeedback = SocialWorker with { Audience = Audience.ReferrerFeedback };
    private static readonly ItemViewer SchoolOutsideHub = new(ViewerRole.PartnerPractitioner, HighSchool, AgencyType.Education, Audience.PartnerAgency);

    [Fact]
    public void MayView_WithoutRestrictions_ShowsToAnyone()
    {
        Assert.True(ItemRestrictionPolicy.MayView(ItemRestrictions.None, StaffordshirePolice, Parent).Visible);
    }

    [Fact]
    public void MayView_NotForFamily_HidesFromFamilyAndSubjectAccessOnly()
    {
        var subjectAccess = SocialWorker with { Audience = Audience.FamilyOrSubjectAccess };

        var family = ItemRestrictionPolicy.MayView(ItemRestrictions.NotForFamily, StaffordshirePolice, Parent);

        Assert.False(family.Visible);
        Assert.Equal(ItemRestrictions.NotForFamily, family.BlockedBy);
        Assert.False(ItemRestrictionPolicy.MayView(ItemRestrictions.NotForFamily, StaffordshirePolice, subjectAccess).Visible);
        Assert.True(ItemRestrictionPolicy.MayView(ItemRestrictions.NotForFamily, StaffordshirePolice, SocialWorker).Visible);
    }

    [Fact]
    public void MayView_NotForReferrer_HidesFromReferrerFeedback()
    {
        Assert.False(ItemRestrictionPolicy.MayView(ItemRestrictions.NotForReferrer, StaffordshirePolice, ReferrerFeedback).Visible);
        Assert.True(ItemRestrictionPolicy.MayView(ItemRestrictions.NotForReferrer, StaffordshirePolice, SocialWorker).Visible);
    }

    [Fact]
    public void MayView_MashSocialWorkersOnly_HidesFromOtherRolesAndAgencies()
    {
        var manager = SocialWorker with { Role = ViewerRole.MashManager };
        var businessSupport = SocialWorker with { Role = ViewerRole.BusinessSupport };

        Assert.True(ItemRestrictionPolicy.MayView(ItemRestrictions.MashSocialWorkersOnly, MidlandsTrust, SocialWorker).Visible);
        Assert.True(ItemRestrictionPolicy.MayView(ItemRestrictions.MashSocialWorkersOnly, MidlandsTrust, manager).Visible);
        Assert.False(ItemRestrictionPolicy.MayView(ItemRestrictions.MashSocialWorkersOnly, MidlandsTrust, businessSupport).Visible);
        Assert.False(ItemRestrictionPolicy.MayView(ItemRestrictions.MashSocialWorkersOnly, MidlandsTrust, PoliceResearcher).Visible);
        Assert.False(ItemRestrictionPolicy.MayView(ItemRestrictions.MashSocialWorkersOnly, MidlandsTrust, ReferrerFeedback).Visible);
    }

    [Fact]
    public void MayView_SupplyingAgencyOnly_ShowsOnlyToTheSupplierInsideTheHub()
    {
        Assert.True(ItemRestrictionPolicy.MayView(ItemRestrictions.SupplyingAgencyOnly, StaffordshirePolice, PoliceResearcher).Visible);
        Assert.False(ItemRestrictionPolicy.MayView(ItemRestrictions.SupplyingAgencyOnly, StaffordshirePolice, SocialWorker).Visible);
    }

    [Fact]
    public void MayView_NoOnwardSharing_HidesOutsideTheHubAndReportsEveryBlockingRestriction()
    {
        var both = ItemRestrictions.NoOnwardSharing | ItemRestrictions.MashSocialWorkersOnly;

        var result = ItemRestrictionPolicy.MayView(both, StaffordshirePolice, SchoolOutsideHub);

        Assert.False(result.Visible);
        Assert.Equal(both, result.BlockedBy);
        Assert.True(ItemRestrictionPolicy.MayView(ItemRestrictions.NoOnwardSharing, StaffordshirePolice, SocialWorker).Visible);
    }
}
