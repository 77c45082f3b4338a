namespace OpenMash.Sharing;

/// <summary>Handling restrictions a supplying agency puts on one item it shares. Every restriction set must permit.</summary>
[Flags]
public enum ItemRestrictions
{
    None = 0,

    /// <summary>Not to be disclosed to the child, parents or carers, including through a subject access request.</summary>
    NotForFamily = 1,

    /// <summary>Not to be included in feedback to the person or agency who made the referral.</summary>
    NotForReferrer = 2,

    /// <summary>Only MASH social workers and managers of children's social care may see it.</summary>
    MashSocialWorkersOnly = 4,

    /// <summary>Only staff of the supplying agency may see it (held in the hub record, not shared on).</summary>
    SupplyingAgencyOnly = 8,

    /// <summary>May be used inside the hub but not passed on to partner agencies outside it.</summary>
    NoOnwardSharing = 16,
}

public enum ViewerRole
{
    MashSocialWorker,
    MashManager,
    AgencyResearcher,
    BusinessSupport,
    Analyst,
    PartnerPractitioner,
    Referrer,
    FamilyMember,
    DataSubject,
}

/// <summary>Who the item is being shown to or prepared for.</summary>
public enum Audience
{
    /// <summary>Working inside the hub.</summary>
    MashInternal,

    /// <summary>Passed to a partner agency or practitioner outside the hub.</summary>
    PartnerAgency,

    /// <summary>Feedback to the referrer.</summary>
    ReferrerFeedback,

    /// <summary>Shown or disclosed to the child or family, including subject access.</summary>
    FamilyOrSubjectAccess,
}

public sealed record ItemViewer(ViewerRole Role, AgencyId Agency, AgencyType AgencyType, Audience Audience);

public sealed record RestrictionDecision(bool Visible, ItemRestrictions BlockedBy, string Reason);

public static class ItemRestrictionPolicy
{
    /// <summary>Whether <paramref name="viewer"/> may see an item supplied by <paramref name="supplier"/> with these restrictions.</summary>
    public static RestrictionDecision MayView(ItemRestrictions restrictions, AgencyId supplier, ItemViewer viewer)
    {
        var blocked = ItemRestrictions.None;
        var family = viewer.Audience == Audience.FamilyOrSubjectAccess
            || viewer.Role is ViewerRole.FamilyMember or ViewerRole.DataSubject;
        var referrer = viewer.Audience == Audience.ReferrerFeedback || viewer.Role == ViewerRole.Referrer;
        var outsideHub = viewer.Audience != Audience.MashInternal
            || viewer.Role is ViewerRole.PartnerPractitioner or ViewerRole.Referrer or ViewerRole.FamilyMember or ViewerRole.DataSubject;

        if (restrictions.HasFlag(ItemRestrictions.NotForFamily) && family)
            blocked |= ItemRestrictions.NotForFamily;
        if (restrictions.HasFlag(ItemRestrictions.NotForReferrer) && referrer)
            blocked |= ItemRestrictions.NotForReferrer;
        if (restrictions.HasFlag(ItemRestrictions.MashSocialWorkersOnly)
            && (outsideHub || viewer.AgencyType != AgencyType.ChildrensSocialCare || viewer.Role is not (ViewerRole.MashSocialWorker or ViewerRole.MashManager)))
            blocked |= ItemRestrictions.MashSocialWorkersOnly;
        if (restrictions.HasFlag(ItemRestrictions.SupplyingAgencyOnly) && (outsideHub || viewer.Agency != supplier))
            blocked |= ItemRestrictions.SupplyingAgencyOnly;
        if (restrictions.HasFlag(ItemRestrictions.NoOnwardSharing) && outsideHub)
            blocked |= ItemRestrictions.NoOnwardSharing;

        return blocked == ItemRestrictions.None
            ? new RestrictionDecision(true, ItemRestrictions.None, "No restriction set by the supplying agency prevents this.")
            : new RestrictionDecision(false, blocked, $"Withheld: the supplying agency marked this item {blocked}.");
    }
}
