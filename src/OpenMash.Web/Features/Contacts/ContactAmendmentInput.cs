namespace OpenMash.Web.Features.Contacts;

/// <summary>A contact's details as amended on the amend page, with the reason and the people's corrected details.</summary>
public sealed class ContactAmendmentInput
{
    public ContactChannel? Channel { get; init; }

    public ReferralSource? ReferralSource { get; init; }

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

    public IReadOnlyList<PersonAmendmentInput> People { get; init; } = [];

    public string? Reason { get; init; }
}
