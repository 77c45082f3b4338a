using System.ComponentModel;

namespace OpenMash.Web.Features.Api;

/// <summary>A contact sent by an agency system. Property names are camelCase in JSON; unknown properties are refused.</summary>
public sealed class ApiContactRequest
{
    [Description("When the agency received the concern, ISO 8601 with an offset (e.g. 2026-11-25T09:30:00Z). Defaults to now.")]
    public string? ReceivedAt { get; init; }

    public string? ReferrerName { get; init; }

    public string? ReferrerRole { get; init; }

    public string? ReferrerAgency { get; init; }

    public string? ReferrerPhone { get; init; }

    public string? ReferrerEmail { get; init; }

    public string? ReferrerRelationship { get; init; }

    [Description("Concern category names, e.g. DomesticAbuse, Neglect, CriminalExploitation.")]
    public List<string>? ConcernCategories { get; init; }

    public string? WhatHappened { get; init; }

    public string? ReferrerRequest { get; init; }

    [Description("The child's own words, wishes and feelings.")]
    public string? ChildsVoice { get; init; }

    public string? AdditionalNeeds { get; init; }

    public bool? FamilyAware { get; init; }

    public bool? FamilyConsented { get; init; }

    [Description("Required when familyConsented is false: why consent was not given or not sought.")]
    public string? NoConsentReason { get; init; }

    public bool? ReferrerSpokenTo { get; init; }

    [Description("CIN census referral source: a name (e.g. Police) or the census code (e.g. \"6\").")]
    public string? ReferralSource { get; init; }

    [Description("At least one child.")]
    public List<ApiPerson>? Children { get; init; }

    public List<ApiOtherPerson>? OtherPeople { get; init; }

    public List<ApiAttachment>? Attachments { get; init; }
}
