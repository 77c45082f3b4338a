namespace OpenMash.Web.Domain.Contacts;

/// <summary>The details of a contact that may be amended after it was recorded (not its consent answers, receipt time or people).</summary>
public sealed record ContactDetails(
    ContactChannel Channel,
    ReferralSource ReferralSource,
    string ReferrerName,
    string? ReferrerRole,
    string? ReferrerAgency,
    string? ReferrerPhone,
    string? ReferrerEmail,
    string? ReferrerRelationship,
    IReadOnlyList<ConcernCategory> ConcernCategories,
    string WhatHappened,
    string? ReferrerRequest,
    string? ChildsVoice,
    string? AdditionalNeeds)
{
    public static ContactDetails Of(Contact c) => new(
        c.Channel, c.ReferralSource, c.ReferrerName, c.ReferrerRole, c.ReferrerAgency, c.ReferrerPhone, c.ReferrerEmail, c.ReferrerRelationship,
        c.ConcernCategories, c.WhatHappened, c.ReferrerRequest, c.ChildsVoice, c.AdditionalNeeds);
}
