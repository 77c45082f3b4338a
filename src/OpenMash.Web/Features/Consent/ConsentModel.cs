using Microsoft.EntityFrameworkCore;
using OpenMash.Sharing;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Contacts;
using OpenMash.Web.Features.People;
using OpenMash.Web.Features.Timeliness;

namespace OpenMash.Web.Features.Consent;

/// <summary>UK GDPR Article 6 basis for councils and health when sharing to safeguard a child.</summary>
public enum Article6Basis
{
    /// <summary>Article 6(1)(e): a task carried out in the public interest or in the exercise of official authority.</summary>
    PublicTask,

    /// <summary>Article 6(1)(c): a legal obligation (Children Acts 1989 and 2004).</summary>
    LegalObligation,
}

/// <summary>Who gave or refused consent.</summary>
public enum ConsentGiver
{
    ParentWithParentalResponsibility,
    CarerWithParentalResponsibility,
    YoungPerson,
}

/// <summary>
/// One consent event for one person, append-only: a withdrawal or a refusal is a new record, never an edit. The
/// latest record covering an agency and purpose is the one that counts.
/// </summary>
public sealed class RecordedConsent : IHubScoped, IAuditSubjects
{
    public Guid Id { get; set; }

    public Guid HubId { get; set; }

    public Guid PersonId { get; set; }

    /// <summary>The contact it was recorded for, if any; consent belongs to the person and applies to later contacts too.</summary>
    public Guid? ContactId { get; set; }

    public ConsentStatus Status { get; set; }

    public ConsentGiver? GivenBy { get; set; }

    public string? GiverName { get; set; }

    /// <summary>For a young person: why they are competent to decide (Gillick / Fraser).</summary>
    public string? CompetenceNote { get; set; }

    public List<AgencyType> AgencyTypes { get; set; } = [];

    public List<Guid> AgencyIds { get; set; } = [];

    public List<SharingPurpose> Purposes { get; set; } = [];

    /// <summary>The day consent was given, refused or withdrawn (or the decision not to seek it).</summary>
    public DateOnly DecidedOn { get; set; }

    public DateTime RecordedAtUtc { get; set; }

    public DateOnly? ExpiresOn { get; set; }

    public required string Evidence { get; set; }

    public NotSoughtReason? NotSoughtReason { get; set; }

    public Guid RecordedByUserId { get; set; }

    public required string RecordedByName { get; set; }

    public IEnumerable<Guid> AuditSubjects => [PersonId];

    public ConsentRecord ToGateRecord() => new(
        Status,
        new ConsentScope(AgencyTypes.ToHashSet(), AgencyIds.Select(a => new AgencyId(a)).ToHashSet(), Purposes.ToHashSet()),
        DateTime.SpecifyKind(RecordedAtUtc, DateTimeKind.Utc),
        ExpiresOn is { } e ? new DateTimeOffset(e.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
        GiverName is null ? GivenBy?.DisplayName() : $"{GiverName} ({GivenBy?.DisplayName()})");
}

public enum OverrideStatus
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>
/// A request to share below threshold without consent. Held only by practitioners with the separate consent-override
/// permission; a different MASH manager approves or rejects it. For a red contact it takes effect at once and the
/// approval is retrospective, due by <see cref="ApprovalDueUtc"/>.
/// </summary>
public sealed class ConsentOverrideRequest : IHubScoped
{
    public Guid Id { get; set; }

    public Guid HubId { get; set; }

    public Guid ContactId { get; set; }

    public Guid RequestedByUserId { get; set; }

    public required string RequestedByName { get; set; }

    public DateTime RequestedAtUtc { get; set; }

    public required string Justification { get; set; }

    public RagRating? Rag { get; set; }

    public bool TakesEffectAtOnce { get; set; }

    public DateTime? ApprovalDueUtc { get; set; }

    public OverrideStatus Status { get; set; }

    public Guid? DecidedByUserId { get; set; }

    public string? DecidedByName { get; set; }

    public DateTime? DecidedAtUtc { get; set; }

    public string? DecisionComment { get; set; }

    /// <summary>
    /// In force: approved, or red and still awaiting its retrospective approval before that approval is due. Once
    /// the approval is overdue the override stops counting until a manager approves it.
    /// </summary>
    public bool IsInForce(DateTime nowUtc) => Status == OverrideStatus.Approved
        || (Status == OverrideStatus.Pending && TakesEffectAtOnce && ApprovalDueUtc is { } due && due > nowUtc);

    public bool IsOverdue(DateTime nowUtc) => Status == OverrideStatus.Pending && ApprovalDueUtc is { } due && due <= nowUtc;

    public string StatusText(DateTime nowUtc) => IsOverdue(nowUtc)
        ? "Overdue for approval"
        : Status switch
        {
            OverrideStatus.Approved => "Approved",
            OverrideStatus.Rejected => "Rejected",
            _ when TakesEffectAtOnce => "In force, awaiting retrospective approval",
            _ => "Awaiting approval",
        };
}

public enum SharingDecisionOrigin
{
    /// <summary>Written automatically when checks went to a partner.</summary>
    ChecksRequested,

    /// <summary>Recorded by a screener, e.g. a decision to share with a GP or school, or not to share.</summary>
    Recorded,
}

/// <summary>
/// A decision to share or not to share, with everything the 2024 information sharing advice asks to be recorded:
/// who decided and when, the reasons, which items, the recipient, the purpose, the lawful basis, the consent position
/// or override, whether the family was told and identities withheld.
/// </summary>
public sealed class SharingDecisionRecord : IHubScoped
{
    public Guid Id { get; set; }

    public Guid HubId { get; set; }

    public Guid ContactId { get; set; }

    public SharingDecisionOrigin Origin { get; set; }

    public Guid? CheckId { get; set; }

    public Guid DecidedByUserId { get; set; }

    public required string DecidedByName { get; set; }

    public DateTime DecidedAtUtc { get; set; }

    public bool Share { get; set; }

    public required string Reasons { get; set; }

    public required string Items { get; set; }

    public Guid? RecipientAgencyId { get; set; }

    public required string RecipientOrganisation { get; set; }

    public string? RecipientPerson { get; set; }

    public SharingPurpose Purpose { get; set; }

    public Article6Basis? Article6 { get; set; }

    /// <summary>The condition for special category or police data: Schedule 1 para 18, Schedule 8 para 4, or consent.</summary>
    public LawfulBasis Condition { get; set; }

    public ConsentStatus ConsentStatus { get; set; }

    public NotSoughtReason? NotSoughtReason { get; set; }

    public Guid? ConsentOverrideId { get; set; }

    public bool FamilyTold { get; set; }

    public string? FamilyNotToldReason { get; set; }

    /// <summary>Whose identity was withheld and why (a referrer, a neighbour); null when none was.</summary>
    public string? IdentitiesWithheld { get; set; }
}

public static class ConsentNames
{
    private static readonly System.Globalization.CultureInfo Uk = System.Globalization.CultureInfo.GetCultureInfo("en-GB");

    public static string Date(DateOnly? date) => date?.ToString("d MMMM yyyy", Uk) ?? "None";

    public static string DisplayName(this Article6Basis basis) => basis switch
    {
        Article6Basis.PublicTask => "Public task: UK GDPR Article 6(1)(e)",
        _ => "Legal obligation: UK GDPR Article 6(1)(c)",
    };

    public static string DisplayName(this ConsentGiver giver) => giver switch
    {
        ConsentGiver.ParentWithParentalResponsibility => "parent with parental responsibility",
        ConsentGiver.CarerWithParentalResponsibility => "carer with parental responsibility",
        _ => "the young person",
    };

    public static string DisplayName(this ConsentStatus status) => status switch
    {
        ConsentStatus.Given => "Given",
        ConsentStatus.Refused => "Refused",
        ConsentStatus.Withdrawn => "Withdrawn",
        _ => "Not sought",
    };

    public static string DisplayName(this NotSoughtReason reason) => reason switch
    {
        NotSoughtReason.CannotBeGiven => "(i) consent cannot be given",
        NotSoughtReason.CannotReasonablyBeObtained => "(ii) consent cannot reasonably be obtained",
        _ => "(iii) seeking consent would prejudice the child's protection",
    };

    public static string DisplayName(this LawfulBasis basis) => basis switch
    {
        LawfulBasis.Consent => "Consent",
        LawfulBasis.SafeguardingOfChildren => "Safeguarding of children: DPA 2018 Schedule 1 paragraph 18",
        LawfulBasis.LawEnforcementSafeguarding => "Police data: DPA 2018 Schedule 8 paragraph 4",
        _ => "No special category or police data",
    };

    public static string DisplayName(this SharingPurpose purpose) => purpose switch
    {
        SharingPurpose.SafeguardingScreening => "Safeguarding screening (multi-agency checks)",
        SharingPurpose.ChildExploitationTaskGroup => "Child exploitation task group",
        SharingPurpose.SubjectAccess => "Subject access request",
        _ => "Early help support",
    };

    public static string DisplayName(this AgencyType type) => type switch
    {
        AgencyType.ChildrensSocialCare => "Children's social care",
        AgencyType.Police => "Police",
        AgencyType.Health => "Health (including GPs)",
        AgencyType.Education => "Education (schools)",
        AgencyType.Probation => "Probation",
        _ => type.ToString(),
    };
}

/// <summary>EF Core mapping for the consent feature, kept beside its entities.</summary>
public static class ConsentMapping
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<RecordedConsent>(e =>
        {
            e.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Contact>().WithMany().HasForeignKey(c => c.ContactId).OnDelete(DeleteBehavior.SetNull);
            e.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.GivenBy).HasConversion<string>().HasMaxLength(40);
            e.Property(c => c.NotSoughtReason).HasConversion<string>().HasMaxLength(40);
            e.Property(c => c.GiverName).HasMaxLength(200);
            e.Property(c => c.CompetenceNote).HasMaxLength(2000);
            e.Property(c => c.Evidence).HasMaxLength(2000);
            e.Property(c => c.RecordedByName).HasMaxLength(200);
            e.Ignore(c => c.AuditSubjects);
            e.HasIndex(c => new { c.PersonId, c.RecordedAtUtc });
        });
        builder.Entity<ConsentOverrideRequest>(e =>
        {
            e.HasOne<Contact>().WithMany().HasForeignKey(o => o.ContactId).OnDelete(DeleteBehavior.Cascade);
            e.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(o => o.Rag).HasConversion<string>().HasMaxLength(10);
            e.Property(o => o.Justification).HasMaxLength(5000);
            e.Property(o => o.DecisionComment).HasMaxLength(5000);
            e.Property(o => o.RequestedByName).HasMaxLength(200);
            e.Property(o => o.DecidedByName).HasMaxLength(200);
            e.HasIndex(o => new { o.HubId, o.Status });
            e.HasIndex(o => o.ContactId);
        });
        builder.Entity<SharingDecisionRecord>(e =>
        {
            e.HasOne<Contact>().WithMany().HasForeignKey(d => d.ContactId).OnDelete(DeleteBehavior.Cascade);
            e.Property(d => d.Origin).HasConversion<string>().HasMaxLength(20);
            e.Property(d => d.Purpose).HasConversion<string>().HasMaxLength(40);
            e.Property(d => d.Article6).HasConversion<string>().HasMaxLength(20);
            e.Property(d => d.Condition).HasConversion<string>().HasMaxLength(40);
            e.Property(d => d.ConsentStatus).HasConversion<string>().HasMaxLength(20);
            e.Property(d => d.NotSoughtReason).HasConversion<string>().HasMaxLength(40);
            e.Property(d => d.DecidedByName).HasMaxLength(200);
            e.Property(d => d.Reasons).HasMaxLength(5000);
            e.Property(d => d.Items).HasMaxLength(5000);
            e.Property(d => d.RecipientOrganisation).HasMaxLength(200);
            e.Property(d => d.RecipientPerson).HasMaxLength(200);
            e.Property(d => d.FamilyNotToldReason).HasMaxLength(2000);
            e.Property(d => d.IdentitiesWithheld).HasMaxLength(2000);
            e.HasIndex(d => d.ContactId);
        });
    }
}
