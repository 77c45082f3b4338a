using OpenMash.Sharing;

namespace OpenMash.Web.Domain.Consent;

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
        // The gate's reasons are stored and shown beyond the consent record (sharing decisions, checks, the subject access
        // export): they name who answered by their role, never by name (the name stays on the consent record).
        GivenBy is { } giver ? (giver == ConsentGiver.YoungPerson ? giver.DisplayName() : "a " + giver.DisplayName()) : null);
}
