namespace OpenMash.Web.Features.Contacts;

public sealed record NewContact(
    ContactChannel Channel,
    DateTime? ReceivedAtUtc,
    string? ReferrerName,
    string? ReferrerRole,
    string? ReferrerAgency,
    string? ReferrerPhone,
    string? ReferrerEmail,
    string? ReferrerRelationship,
    IReadOnlyList<ConcernCategory> ConcernCategories,
    string? WhatHappened,
    string? ReferrerRequest,
    string? ChildsVoice,
    string? AdditionalNeeds,
    bool? FamilyAware,
    bool? FamilyConsented,
    string? NoConsentReason,
    bool? ReferrerSpokenTo,
    ReferralSource? ReferralSource,
    IReadOnlyList<NewPerson> People,
    IReadOnlyList<NewAttachment>? Attachments = null);
