using OpenMash.Web.Data;
using OpenMash.Web.Features.Timeliness;

namespace OpenMash.Web.Features.Contacts;

public enum ContactChannel
{
    Phone,
    Email,
    InPerson,
    Portal,
    AgencySystem,
}

/// <summary>Where a contact is in the front door. A contact waiting for partners is never closed and reopened.</summary>
public enum ContactState
{
    AwaitingScreening,
    AwaitingPartnerInformation,
    AwaitingDecision,
    Decided,
}

public enum ConcernCategory
{
    PhysicalAbuse,
    SexualAbuse,
    EmotionalAbuse,
    Neglect,
    DomesticAbuse,
    ChildSexualExploitation,
    CriminalExploitation,
    OnlineHarm,
    Radicalisation,
    MissingFromHomeOrCare,
    MissingEducation,
    TeenagePregnancy,
    EmotionalWellbeing,
    SelfHarm,
    SubstanceMisuse,
    Fgm,
    HonourBasedAbuse,
    Trafficking,
    PrivateFostering,
    Other,
}

/// <summary>CIN census referral source (REFERENCE section 6); <see cref="CodeLists.Code(ReferralSource)"/> gives the census code.</summary>
public enum ReferralSource
{
    FamilyRelativeCarer,
    Acquaintance,
    Self,
    OtherIndividual,
    Schools,
    EducationServices,
    Gp,
    HealthVisitor,
    SchoolNurse,
    OtherPrimaryHealth,
    AccidentAndEmergency,
    OtherHealth,
    Housing,
    LaSocialCare,
    LaOtherInternal,
    OtherLa,
    LaEarlyHelp,
    Police,
    OtherLegalAgency,
    Other,
    Anonymous,
    Unknown,
}

public enum SubjectRole
{
    Child,
    HouseholdMember,
    AssociatedAdult,
}

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

public sealed class ContactSubject : IHubScoped
{
    public Guid ContactId { get; set; }

    public Guid PersonId { get; set; }

    public Guid HubId { get; set; }

    public SubjectRole Role { get; set; }
}

/// <summary>A document, photo or e-mail kept with the contact and served only through the contact's authorisation.</summary>
public sealed class ContactAttachment : IHubScoped
{
    public Guid Id { get; set; }

    public Guid HubId { get; set; }

    public Guid ContactId { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long SizeBytes { get; set; }

    public required byte[] Content { get; set; }

    public DateTime UploadedAtUtc { get; set; }

    public Guid? UploadedByUserId { get; set; }
}

/// <summary>A long form in progress, saved at every step so that a time-out loses nothing.</summary>
public sealed class ContactDraft : IHubScoped
{
    public Guid Id { get; set; }

    public Guid HubId { get; set; }

    public Guid UserId { get; set; }

    public required string Json { get; set; }

    public DateTime UpdatedAtUtc { get; set; }
}

/// <summary>E-mails waiting to be sent (feedback to referrers, chasers to agencies).</summary>
public sealed class OutboxMessage : IHubScoped
{
    public Guid Id { get; set; }

    public Guid HubId { get; set; }

    public required string Kind { get; set; }

    public Guid? ContactId { get; set; }

    public required string ToAddress { get; set; }

    public required string Subject { get; set; }

    public required string Body { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? SentAtUtc { get; set; }
}
