namespace OpenMash.Web.Features.Contacts;

/// <summary>A contact as entered (the intake form, a referrer's form or the API): what <see cref="ContactService.CreateAsync"/> checks before it writes.</summary>
public sealed class NewContact
{
    public ContactChannel Channel { get; init; }

    public DateTime? ReceivedAtUtc { get; init; }

    public string? ReferrerName { get; init; }

    public string? ReferrerRole { get; init; }

    public string? ReferrerAgency { get; init; }

    public string? ReferrerPhone { get; init; }

    public string? ReferrerEmail { get; init; }

    public string? ReferrerRelationship { get; init; }

    public IReadOnlyList<ConcernCategory> ConcernCategories { get; init; } = [];

    public string? WhatHappened { get; init; }

    public string? ReferrerRequest { get; init; }

    public string? ChildsVoice { get; init; }

    public string? AdditionalNeeds { get; init; }

    public bool? FamilyAware { get; init; }

    public bool? FamilyConsented { get; init; }

    public string? NoConsentReason { get; init; }

    public bool? ReferrerSpokenTo { get; init; }

    public ReferralSource? ReferralSource { get; init; }

    public IReadOnlyList<NewPerson> People { get; init; } = [];

    public IReadOnlyList<NewAttachment> Attachments { get; init; } = [];
}
