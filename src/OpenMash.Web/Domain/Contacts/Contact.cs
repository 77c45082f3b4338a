namespace OpenMash.Web.Domain.Contacts;

/// <summary>A concern about one or more children, however it arrived.</summary>
public sealed class Contact : IHubScoped, IAuditSubjects
{
    public Guid Id { get; set; }

    public Guid HubId { get; set; }

    /// <summary>The reference people quote, e.g. STAFFS-2026-000123.</summary>
    public required string Reference { get; set; }

    public DateTime ReceivedAtUtc { get; set; }

    public ContactChannel Channel { get; set; }

    public required string ReferrerName { get; set; }

    public string? ReferrerRole { get; set; }

    public string? ReferrerAgency { get; set; }

    public string? ReferrerPhone { get; set; }

    public string? ReferrerEmail { get; set; }

    public string? ReferrerRelationship { get; set; }

    /// <summary>The referrer's own account, when they submitted it themselves; they see its outcome.</summary>
    public Guid? ReferrerUserId { get; set; }

    /// <summary>The agency that sent it (a referrer's school, an API client's agency).</summary>
    public Guid? SourceAgencyId { get; set; }

    /// <summary>The member of hub staff who recorded it.</summary>
    public Guid? RecordedByUserId { get; set; }

    public List<ConcernCategory> ConcernCategories { get; set; } = [];

    public required string WhatHappened { get; set; }

    public string? ReferrerRequest { get; set; }

    /// <summary>The child's own words, wishes and feelings.</summary>
    public string? ChildsVoice { get; set; }

    public string? AdditionalNeeds { get; set; }

    public bool? FamilyAware { get; set; }

    public bool? FamilyConsented { get; set; }

    public string? NoConsentReason { get; set; }

    public bool? ReferrerSpokenTo { get; set; }

    public ReferralSource ReferralSource { get; set; }

    public ContactState State { get; set; }

    public RagRating? Rag { get; set; }

    public DateTime? ChecksDueUtc { get; set; }

    public DateTime? DecisionDueUtc { get; set; }

    public DateTime? ScreenedAtUtc { get; set; }

    public DateTime? ChecksRequestedAtUtc { get; set; }

    public DateTime? ChecksCompletedAtUtc { get; set; }

    public DateTime? DecisionProposedAtUtc { get; set; }

    public DateTime? DecidedAtUtc { get; set; }

    public DateTime? FeedbackDueUtc { get; set; }

    public DateTime? FeedbackSentAtUtc { get; set; }

    public List<ContactSubject> Subjects { get; set; } = [];

    public List<ContactAttachment> Attachments { get; set; } = [];

    public IEnumerable<Guid> AuditSubjects => Subjects.Select(s => s.PersonId);
}
