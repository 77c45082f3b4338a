namespace OpenMash.Web.Domain.Contacts;

/// <summary>A recorded detail of a contact (or of a person named in it) that can be amended with a reason.</summary>
public enum AmendedField
{
    Channel,
    ReferralSource,
    ReferrerName,
    ReferrerRole,
    ReferrerAgency,
    ReferrerPhone,
    ReferrerEmail,
    ReferrerRelationship,
    ConcernCategories,
    WhatHappened,
    ReferrerRequest,
    ChildsVoice,
    AdditionalNeeds,
    PersonGivenNames,
    PersonFamilyName,
    PersonDateOfBirth,
    PersonNhsNumber,
}
