using OpenMash.Sharing;

namespace OpenMash.Web.Domain.Consent;

/// <summary>
/// One consent event for one person, append-only: a withdrawal or a refusal is a new record, never an edit. The
/// latest record covering an agency and purpose is the one that counts. A referrer's claim at intake that the family
/// consented is kept as a record <see cref="ReportedByReferrer"/>: it counts for nothing until a practitioner
/// confirms it with the family (<see cref="Confirm"/>, the one change a record allows, once).
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

    public const string ReferrerAtIntake = "The referrer, at intake";

    /// <summary>The referrer said at intake (contact form, referral page or agency system) that the family consented.</summary>
    public bool ReportedByReferrer { get; set; }

    public DateTime? ConfirmedAtUtc { get; set; }

    public Guid? ConfirmedByUserId { get; set; }

    public string? ConfirmedByName { get; set; }

    /// <summary>How the practitioner confirmed the reported consent with the family.</summary>
    public string? ConfirmationEvidence { get; set; }

    /// <summary>Practitioner-recorded, or reported by the referrer and since confirmed: the consent gate may rely on it.</summary>
    public bool IsConfirmed => !ReportedByReferrer || ConfirmedAtUtc is not null;

    public bool AwaitsConfirmation => ReportedByReferrer && ConfirmedAtUtc is null;

    public IEnumerable<Guid> AuditSubjects => [PersonId];

    /// <summary>The people a contact's consent is about: its children, or everyone named when no child is.</summary>
    public static IReadOnlyList<Guid> SubjectsOf(Contact contact)
    {
        var children = contact.Subjects.Where(s => s.Role == SubjectRole.Child).Select(s => s.PersonId).ToList();
        return children.Count > 0 ? children : contact.Subjects.Select(s => s.PersonId).ToList();
    }

    /// <summary>
    /// The intake's "the family consented" as records, one per person the consent is about, with the scope the intake
    /// gives (it names no agency: every partner, for safeguarding screening), reported by the referrer and not
    /// confirmed. None when the intake did not say the family consented.
    /// </summary>
    public static IReadOnlyList<RecordedConsent> ReportedAtIntake(Contact contact, DateTime nowUtc, Guid? recordedByUserId)
    {
        if (contact.FamilyConsented != true)
        {
            return [];
        }

        // The referrer's name is not copied here: it is on the contact, and consent records reach more readers.
        return SubjectsOf(contact).Select(person => new RecordedConsent
        {
            Id = Guid.NewGuid(),
            HubId = contact.HubId,
            PersonId = person,
            ContactId = contact.Id,
            Status = ConsentStatus.Given,
            ReportedByReferrer = true,
            AgencyTypes = Enum.GetValues<AgencyType>().ToList(),
            Purposes = [SharingPurpose.SafeguardingScreening],
            DecidedOn = DateOnly.FromDateTime(contact.ReceivedAtUtc),
            RecordedAtUtc = nowUtc,
            Evidence = $"The referrer said at intake that the family consented to information being shared (contact {contact.Reference}); the intake does not say who consented or for which agencies.",
            RecordedByUserId = recordedByUserId ?? Guid.Empty,
            RecordedByName = ReferrerAtIntake,
        }).ToList();
    }

    /// <summary>
    /// A practitioner confirmed the reported consent with the family: who gave it and how it was confirmed. Only a
    /// reported consent that is not yet confirmed can be confirmed, and only once.
    /// </summary>
    public void Confirm(ConsentGiver givenBy, string giverName, string? competenceNote, string evidence, DateTime atUtc, Guid byUserId, string byName)
    {
        if (!ReportedByReferrer || Status != ConsentStatus.Given)
        {
            throw new InvalidOperationException("Only a consent reported by the referrer can be confirmed; record a practitioner's consent record instead.");
        }

        if (ConfirmedAtUtc is not null)
        {
            throw new InvalidOperationException($"This reported consent was already confirmed by {ConfirmedByName}.");
        }

        GivenBy = givenBy;
        GiverName = giverName;
        CompetenceNote = givenBy == ConsentGiver.YoungPerson ? competenceNote : null;
        ConfirmationEvidence = evidence;
        ConfirmedAtUtc = atUtc;
        ConfirmedByUserId = byUserId;
        ConfirmedByName = byName;
    }

    public ConsentRecord ToGateRecord() => new(
        Status,
        new ConsentScope(AgencyTypes.ToHashSet(), AgencyIds.Select(a => new AgencyId(a)).ToHashSet(), Purposes.ToHashSet()),
        DateTime.SpecifyKind(RecordedAtUtc, DateTimeKind.Utc),
        ExpiresOn is { } e ? new DateTimeOffset(e.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
        // The gate's reasons are stored and shown beyond the consent record (sharing decisions, checks, the subject access
        // export): they name who answered by their role, never by name (the name stays on the consent record).
        GivenBy is { } giver ? (giver == ConsentGiver.YoungPerson ? giver.DisplayName() : "a " + giver.DisplayName()) : null,
        IsConfirmed);
}
