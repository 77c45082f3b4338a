using Microsoft.EntityFrameworkCore;
using OpenMash.Sharing;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Contacts;
using OpenMash.Web.Features.Screening;
using OpenMash.Web.Features.Timeliness;
using Agency = OpenMash.Web.Data.Agency;

namespace OpenMash.Web.Features.Consent;

public sealed record ConsentInput(
    IReadOnlyList<Guid> PersonIds,
    ConsentStatus? Status,
    ConsentGiver? GivenBy,
    string? GiverName,
    string? CompetenceNote,
    IReadOnlyList<AgencyType> AgencyTypes,
    IReadOnlyList<Guid> AgencyIds,
    IReadOnlyList<SharingPurpose> Purposes,
    DateOnly? DecidedOn,
    bool DecidedOnValid,
    DateOnly? ExpiresOn,
    bool ExpiresOnValid,
    string? Evidence,
    NotSoughtReason? NotSoughtReason);

public sealed record SharingDecisionInput(
    bool? Share,
    Guid? RecipientAgencyId,
    string? RecipientOrganisation,
    string? RecipientPerson,
    SharingPurpose? Purpose,
    string? Items,
    string? Reasons,
    Article6Basis? Article6,
    LawfulBasis? Condition,
    ConsentStatus? ConsentStatus,
    NotSoughtReason? NotSoughtReason,
    bool? FamilyTold,
    string? FamilyNotToldReason,
    bool? IdentitiesWithheld,
    string? IdentitiesWithheldDetail);

/// <summary>The consent gate's answer for one partner agency, and the override it relied on, if any.</summary>
public sealed record AgencyGate(Agency Agency, ConsentGateResult Result, ConsentOverrideRequest? Override);

/// <summary>
/// Consent, overrides and sharing decisions: each write checks its rules and is saved with its audit rows in one
/// transaction. <see cref="GateAsync"/> feeds <see cref="ConsentGate"/> from what is recorded here.
/// </summary>
public sealed class ConsentService(OpenMashDbContext db, TimeProvider time, HubWorkingTime workingTime)
{
    public const string IntakeGiver = "the family, as reported by the referrer at intake";

    /// <summary>The people a contact's consent is about: its children, or everyone named when no child is.</summary>
    public static IReadOnlyList<Guid> ConsentSubjects(Contact contact)
    {
        var children = contact.Subjects.Where(s => s.Role == SubjectRole.Child).Select(s => s.PersonId).ToList();
        return children.Count > 0 ? children : contact.Subjects.Select(s => s.PersonId).ToList();
    }

    /// <summary>
    /// The intake form's "family consented" answer, read as a consent to safeguarding checks with every partner,
    /// recorded when the contact was received; any later record for the child supersedes it.
    /// </summary>
    public static ConsentRecord? IntakeConsent(Contact contact) => contact.FamilyConsented == true
        ? new ConsentRecord(
            ConsentStatus.Given,
            new ConsentScope(Enum.GetValues<AgencyType>().ToHashSet(), new HashSet<AgencyId>(), new HashSet<SharingPurpose> { SharingPurpose.SafeguardingScreening }),
            DateTime.SpecifyKind(contact.ReceivedAtUtc, DateTimeKind.Utc),
            null,
            IntakeGiver)
        : null;

    /// <summary>
    /// Whether the screening lets checks go without consent: above threshold, and never at universal or early help,
    /// whatever an older screening row says (the screening form no longer accepts that pairing).
    /// </summary>
    public static bool AboveThreshold(ContactScreening screening) =>
        screening.ConsentView == ConsentView.AboveThreshold && screening.Threshold is not (ThresholdLevel.Universal or ThresholdLevel.EarlyHelp);

    public async Task<ConsentOverrideRequest?> OverrideInForceAsync(Guid contactId, CancellationToken ct = default) =>
        InForce(await OpenOverridesAsync(contactId, ct), time.GetUtcNow().UtcDateTime);

    private async Task<List<ConsentOverrideRequest>> OpenOverridesAsync(Guid contactId, CancellationToken ct) =>
        await db.ConsentOverrides.Where(o => o.ContactId == contactId && o.Status != OverrideStatus.Rejected).ToListAsync(ct);

    private static ConsentOverrideRequest? InForce(IEnumerable<ConsentOverrideRequest> overrides, DateTime nowUtc) =>
        overrides.Where(o => o.IsInForce(nowUtc)).OrderByDescending(o => o.RequestedAtUtc).FirstOrDefault();

    /// <summary>Evaluates the consent gate for each agency, for every child of the contact: all must pass.</summary>
    public async Task<IReadOnlyList<AgencyGate>> GateAsync(Contact contact, ContactScreening screening, IReadOnlyList<Agency> agencies, SharingPurpose purpose, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var people = ConsentSubjects(contact);
        var records = (await db.Consents.AsNoTracking().Where(c => people.Contains(c.PersonId)).ToListAsync(ct))
            .OrderByDescending(c => c.RecordedAtUtc)
            .ToList();
        var names = await db.Persons.Where(p => people.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.GivenNames + " " + p.FamilyName, ct);
        var intake = IntakeConsent(contact);
        var overrides = await OpenOverridesAsync(contact.Id, ct);
        var inForce = InForce(overrides, now.UtcDateTime);
        var overdue = overrides.Where(o => o.IsOverdue(now.UtcDateTime)).OrderByDescending(o => o.RequestedAtUtc).FirstOrDefault();
        var gateOverride = inForce is null
            ? null
            : new ConsentOverride(
                inForce.Status == OverrideStatus.Approved
                    ? inForce.DecidedByName!
                    : $"no one yet: in force at once for a red contact, requested by {inForce.RequestedByName}, retrospective approval due {Shared.CaseDisplay.Time(inForce.ApprovalDueUtc)}",
                DateTime.SpecifyKind(inForce.DecidedAtUtc ?? inForce.RequestedAtUtc, DateTimeKind.Utc),
                inForce.Justification);
        var threshold = AboveThreshold(screening) ? SafeguardingThreshold.AboveThreshold : SafeguardingThreshold.BelowThreshold;
        var result = new List<AgencyGate>();
        foreach (var agency in agencies)
        {
            ConsentGateResult? first = null;
            ConsentGateResult? blocked = null;
            foreach (var person in people)
            {
                // Newest first, the intake report last: on a tie the explicitly recorded consent wins.
                var consents = records.Where(r => r.PersonId == person).Select(r => r.ToGateRecord()).ToList();
                if (intake is not null)
                {
                    consents.Add(intake);
                }

                var verdict = ConsentGate.Evaluate(new ConsentGateRequest(
                    threshold, new AgencyId(agency.Id), agency.Type, purpose, now, consents, gateOverride, screening.WithoutConsentReason, screening.ConsentRationale));
                first ??= verdict;
                if (!verdict.MayProceed && blocked is null)
                {
                    blocked = verdict with { Reason = $"{names.GetValueOrDefault(person, "A child")}: {verdict.Reason}" };
                }
            }

            var chosen = blocked ?? first ?? ConsentGate.Evaluate(new ConsentGateRequest(
                threshold, new AgencyId(agency.Id), agency.Type, purpose, now, intake is null ? [] : [intake], gateOverride, screening.WithoutConsentReason, screening.ConsentRationale));
            if (!chosen.MayProceed && overdue is not null && threshold == SafeguardingThreshold.BelowThreshold)
            {
                chosen = chosen with
                {
                    Reason = $"The consent override requested by {overdue.RequestedByName} is no longer in force: its retrospective approval was overdue at {Shared.CaseDisplay.Time(overdue.ApprovalDueUtc)}, " +
                        $"so it cannot be relied on until a MASH manager approves it. {chosen.Reason}",
                };
            }

            var usedOverride = chosen.MayProceed && threshold == SafeguardingThreshold.BelowThreshold && chosen.ConsentStatus != ConsentStatus.Given ? inForce : null;
            result.Add(new AgencyGate(agency, chosen, usedOverride));
        }

        return result;
    }

    /// <summary>The sharing decision written with each check sent: filled from the screening, the contact and the gate.</summary>
    public SharingDecisionRecord ForCheckSent(Contact contact, ContactScreening screening, AgencyGate gate, Guid checkId, DateTime nowUtc, string decidedByName)
    {
        var record = new SharingDecisionRecord
        {
            Id = Guid.NewGuid(),
            HubId = contact.HubId,
            ContactId = contact.Id,
            Origin = SharingDecisionOrigin.ChecksRequested,
            CheckId = checkId,
            DecidedByUserId = db.Actor.UserId ?? Guid.Empty,
            DecidedByName = decidedByName,
            DecidedAtUtc = nowUtc,
            Share = true,
            Reasons = gate.Result.Reason,
            Items = $"Multi-agency check request: the children's names and dates of birth, the concerns ({string.Join(", ", contact.ConcernCategories)}) and the question what the agency holds that is relevant.",
            RecipientAgencyId = gate.Agency.Id,
            RecipientOrganisation = gate.Agency.Name,
            RecipientPerson = "The agency's MASH researchers",
            Purpose = SharingPurpose.SafeguardingScreening,
            Article6 = screening.LawfulBasis,
            Condition = gate.Result.LawfulBasis,
            ConsentStatus = gate.Result.ConsentStatus,
            NotSoughtReason = gate.Result.ConsentStatus == ConsentStatus.NotSought && AboveThreshold(screening) ? screening.WithoutConsentReason : null,
            ConsentOverrideId = gate.Override?.Id,
            FamilyTold = contact.FamilyAware == true,
            FamilyNotToldReason = contact.FamilyAware == true
                ? null
                : AboveThreshold(screening)
                    ? $"Not told before the checks: {screening.WithoutConsentReason?.DisplayName() ?? "sharing without consent"}. {screening.ConsentRationale}"
                    : "The referrer recorded that the family was not aware of the contact; tell them when consent is next discussed.",
            IdentitiesWithheld = "The referrer's name and contact details are not included in check requests.",
        };
        return record;
    }

    public async Task<IReadOnlyList<ValidationError>> RecordConsentAsync(Contact contact, ConsentInput input, CancellationToken ct = default)
    {
        var errors = new List<ValidationError>();
        var subjects = contact.Subjects.Select(s => s.PersonId).ToHashSet();
        var hubAgencies = await db.Agencies.Where(a => a.Hubs.Any(h => h.HubId == contact.HubId)).Select(a => a.Id).ToListAsync(ct);
        if (input.PersonIds.Count == 0)
        {
            errors.Add(new(nameof(input.PersonIds), "Select who the consent is about"));
        }
        else if (!input.PersonIds.All(subjects.Contains))
        {
            errors.Add(new(nameof(input.PersonIds), "Select people named in this contact"));
        }

        if (input.Status is null || !Enum.IsDefined(input.Status.Value))
        {
            errors.Add(new(nameof(input.Status), "Select whether consent was given, refused, withdrawn or not sought"));
        }

        var sought = input.Status is not ConsentStatus.NotSought;
        if (sought && (input.GivenBy is null || !Enum.IsDefined(input.GivenBy.Value)))
        {
            errors.Add(new(nameof(input.GivenBy), "Select who gave, refused or withdrew consent"));
        }

        if (sought && string.IsNullOrWhiteSpace(input.GiverName))
        {
            errors.Add(new(nameof(input.GiverName), "Enter the name of the person who gave, refused or withdrew consent"));
        }

        Limit(input.GiverName, nameof(input.GiverName), 200, errors);
        if (sought && input.GivenBy == ConsentGiver.YoungPerson && string.IsNullOrWhiteSpace(input.CompetenceNote))
        {
            errors.Add(new(nameof(input.CompetenceNote), "Enter why the young person is competent to decide for themselves"));
        }

        Limit(input.CompetenceNote, nameof(input.CompetenceNote), 2000, errors);
        if (input.Status == ConsentStatus.NotSought && (input.NotSoughtReason is null || !Enum.IsDefined(input.NotSoughtReason.Value)))
        {
            errors.Add(new(nameof(input.NotSoughtReason), "Select why consent was not sought"));
        }

        if (input.AgencyTypes.Count == 0 && input.AgencyIds.Count == 0)
        {
            errors.Add(new(nameof(input.AgencyTypes), "Select which agencies the consent covers"));
        }
        else if (!input.AgencyTypes.All(Enum.IsDefined) || !input.AgencyIds.All(hubAgencies.Contains))
        {
            errors.Add(new(nameof(input.AgencyTypes), "Select agencies from the list"));
        }

        if (input.Purposes.Count == 0)
        {
            errors.Add(new(nameof(input.Purposes), "Select what the information may be shared for"));
        }
        else if (!input.Purposes.All(Enum.IsDefined))
        {
            errors.Add(new(nameof(input.Purposes), "Select purposes from the list"));
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (!input.DecidedOnValid)
        {
            errors.Add(new(nameof(input.DecidedOn), "Date must be a real date, for example 24 11 2026"));
        }
        else if (input.DecidedOn is null)
        {
            errors.Add(new(nameof(input.DecidedOn), "Enter the date consent was given, refused, withdrawn or decided not to be sought"));
        }
        else if (input.DecidedOn > today)
        {
            errors.Add(new(nameof(input.DecidedOn), "Date must be today or in the past"));
        }

        if (!input.ExpiresOnValid)
        {
            errors.Add(new(nameof(input.ExpiresOn), "Expiry date must be a real date, for example 24 5 2027"));
        }
        else if (input.ExpiresOn is { } expires && (expires <= today || input.Status != ConsentStatus.Given))
        {
            errors.Add(new(nameof(input.ExpiresOn), input.Status != ConsentStatus.Given ? "Only a consent that is given can have an expiry date" : "Expiry date must be in the future"));
        }

        if (string.IsNullOrWhiteSpace(input.Evidence))
        {
            errors.Add(new(nameof(input.Evidence), "Enter the evidence, for example \"verbal, phone call with mother 24/11\""));
        }

        Limit(input.Evidence, nameof(input.Evidence), 2000, errors);
        if (errors.Count > 0)
        {
            return errors;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var by = await db.Users.Where(u => u.Id == db.Actor.UserId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) ?? db.Actor.UserName ?? "unknown";
        foreach (var person in input.PersonIds.Distinct())
        {
            db.Consents.Add(new RecordedConsent
            {
                Id = Guid.NewGuid(),
                HubId = contact.HubId,
                PersonId = person,
                ContactId = contact.Id,
                Status = input.Status!.Value,
                GivenBy = sought ? input.GivenBy : null,
                GiverName = sought ? input.GiverName!.Trim() : null,
                CompetenceNote = sought && input.GivenBy == ConsentGiver.YoungPerson ? input.CompetenceNote!.Trim() : null,
                AgencyTypes = input.AgencyTypes.Distinct().ToList(),
                AgencyIds = input.AgencyIds.Distinct().ToList(),
                Purposes = input.Purposes.Distinct().ToList(),
                DecidedOn = input.DecidedOn!.Value,
                RecordedAtUtc = now,
                ExpiresOn = input.ExpiresOn,
                Evidence = input.Evidence!.Trim(),
                NotSoughtReason = sought ? null : input.NotSoughtReason,
                RecordedByUserId = db.Actor.UserId ?? Guid.Empty,
                RecordedByName = by,
            });
        }

        await db.SaveChangesAsync(ct);
        return [];
    }

    /// <summary>For a practitioner the <see cref="Security.Policies.ConsentOverride"/> policy let through (the page's record guard).</summary>
    public async Task<IReadOnlyList<ValidationError>> RequestOverrideAsync(Contact contact, string? justification, CancellationToken ct = default)
    {
        var errors = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(justification))
        {
            errors.Add(new("Justification", "Enter why the child's protection requires sharing without consent"));
        }

        Limit(justification, "Justification", 5000, errors);
        var screening = await db.Screenings.AsNoTracking().SingleOrDefaultAsync(s => s.ContactId == contact.Id, ct);
        if (screening is null)
        {
            errors.Add(new(string.Empty, "Screen the contact before requesting a consent override"));
        }
        else if (AboveThreshold(screening))
        {
            errors.Add(new(string.Empty, "This contact is screened above threshold: sharing without consent is already lawful under the safeguarding condition, so no override is needed"));
        }

        if (contact.State == ContactState.Decided)
        {
            errors.Add(new(string.Empty, "This contact has been decided"));
        }

        if (await db.ConsentOverrides.AnyAsync(o => o.ContactId == contact.Id && o.Status != OverrideStatus.Rejected, ct))
        {
            errors.Add(new(string.Empty, "An override has already been requested for this contact"));
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var red = contact.Rag == RagRating.Red;
        DateTime? due = null;
        if (red)
        {
            // Retrospective approval is due within the hub's red decision time from the request.
            var calculator = await workingTime.CalculatorAsync(ct);
            due = calculator.For(RagRating.Red, new DateTimeOffset(DateTime.SpecifyKind(now, DateTimeKind.Utc))).DecisionDue.UtcDateTime;
        }

        var request = new ConsentOverrideRequest
        {
            Id = Guid.NewGuid(),
            HubId = contact.HubId,
            ContactId = contact.Id,
            RequestedByUserId = db.Actor.UserId ?? Guid.Empty,
            RequestedByName = await DisplayNameAsync(ct),
            RequestedAtUtc = now,
            Justification = justification!.Trim(),
            Rag = contact.Rag,
            TakesEffectAtOnce = red,
            ApprovalDueUtc = due,
            Status = OverrideStatus.Pending,
        };
        db.ConsentOverrides.Add(request);
        db.Audit("Consent override requested", targetType: nameof(ConsentOverrideRequest), targetId: request.Id.ToString(), subjects: contact.Subjects.Select(s => s.PersonId), purpose: "Information governance",
            detail: red ? $"Red contact {contact.Reference}: in force at once, retrospective approval due {due:yyyy-MM-dd HH:mm} UTC" : $"Contact {contact.Reference}: awaiting a manager's approval");
        await db.SaveChangesAsync(ct);
        return [];
    }

    /// <summary>
    /// For a manager the <see cref="Security.Policies.DecideConsentOverride"/> policy let through (a MASH manager who did
    /// not request it, checked by the page's record guard); what is left here is the form and the override's state.
    /// </summary>
    public async Task<IReadOnlyList<ValidationError>> DecideOverrideAsync(ConsentOverrideRequest request, bool? approve, string? comment, CancellationToken ct = default)
    {
        var errors = new List<ValidationError>();
        if (request.Status != OverrideStatus.Pending)
        {
            errors.Add(new(string.Empty, "This override has already been decided"));
        }

        if (approve is null)
        {
            errors.Add(new("Approve", "Select whether you approve or reject the override"));
        }

        if (approve == false && string.IsNullOrWhiteSpace(comment))
        {
            errors.Add(new("Comment", "Enter why you reject the override"));
        }

        Limit(comment, "Comment", 5000, errors);
        if (errors.Count > 0)
        {
            return errors;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var late = request.IsOverdue(now);
        request.Status = approve == true ? OverrideStatus.Approved : OverrideStatus.Rejected;
        request.DecidedByUserId = db.Actor.UserId;
        request.DecidedByName = await DisplayNameAsync(ct);
        request.DecidedAtUtc = now;
        request.DecisionComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        db.Audit(approve == true ? "Consent override approved" : "Consent override rejected", targetType: nameof(ConsentOverrideRequest), targetId: request.Id.ToString(), purpose: "Information governance",
            detail: late ? "decided after its retrospective approval was due" : null);
        await db.SaveChangesAsync(ct);
        return [];
    }

    public static List<ValidationError> Validate(SharingDecisionInput input, IReadOnlyCollection<Guid> agencies)
    {
        var errors = new List<ValidationError>();
        if (input.Share is null)
        {
            errors.Add(new(nameof(input.Share), "Select whether you decided to share or not to share"));
        }

        if (input.RecipientAgencyId is { } agency && !agencies.Contains(agency))
        {
            errors.Add(new(nameof(input.RecipientAgencyId), "Select an agency from the list"));
        }
        else if (input.RecipientAgencyId is null && string.IsNullOrWhiteSpace(input.RecipientOrganisation))
        {
            errors.Add(new(nameof(input.RecipientOrganisation), "Select the agency, or enter the organisation, the information would go to"));
        }

        Limit(input.RecipientOrganisation, nameof(input.RecipientOrganisation), 200, errors);
        Limit(input.RecipientPerson, nameof(input.RecipientPerson), 200, errors);
        if (input.Purpose is null || !Enum.IsDefined(input.Purpose.Value))
        {
            errors.Add(new(nameof(input.Purpose), "Select the purpose"));
        }

        Require(input.Items, nameof(input.Items), "Enter which information was shared, or considered and not shared", 5000, errors);
        Require(input.Reasons, nameof(input.Reasons), "Enter the reasons for the decision", 5000, errors);
        if (input.Share == true && (input.Article6 is null || !Enum.IsDefined(input.Article6.Value)))
        {
            errors.Add(new(nameof(input.Article6), "Select the lawful basis: public task or legal obligation"));
        }

        if (input.Condition is null || !Enum.IsDefined(input.Condition.Value))
        {
            errors.Add(new(nameof(input.Condition), "Select the condition for special category or police data, consent, or none"));
        }

        if (input.ConsentStatus is null || !Enum.IsDefined(input.ConsentStatus.Value))
        {
            errors.Add(new(nameof(input.ConsentStatus), "Select the consent position"));
        }
        else if (input.Share == true && input.Condition == LawfulBasis.Consent && input.ConsentStatus != ConsentStatus.Given)
        {
            errors.Add(new(nameof(input.Condition), "Consent can only be the basis when consent was given"));
        }

        if (input.ConsentStatus == ConsentStatus.NotSought && (input.NotSoughtReason is null || !Enum.IsDefined(input.NotSoughtReason.Value)))
        {
            errors.Add(new(nameof(input.NotSoughtReason), "Select why consent was not sought"));
        }

        if (input.FamilyTold is null)
        {
            errors.Add(new(nameof(input.FamilyTold), "Select whether the family was told"));
        }
        else if (input.FamilyTold == false)
        {
            Require(input.FamilyNotToldReason, nameof(input.FamilyNotToldReason), "Enter why the family was not told", 2000, errors);
        }

        if (input.IdentitiesWithheld is null)
        {
            errors.Add(new(nameof(input.IdentitiesWithheld), "Select whether any identity was withheld"));
        }
        else if (input.IdentitiesWithheld == true)
        {
            Require(input.IdentitiesWithheldDetail, nameof(input.IdentitiesWithheldDetail), "Enter whose identity was withheld and why", 2000, errors);
        }

        return errors;
    }

    public async Task<IReadOnlyList<ValidationError>> RecordSharingDecisionAsync(Contact contact, SharingDecisionInput input, CancellationToken ct = default)
    {
        var agencies = await db.Agencies.Where(a => a.Hubs.Any(h => h.HubId == contact.HubId)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var errors = Validate(input, agencies.Keys);
        if (errors.Count > 0)
        {
            return errors;
        }

        var inForce = await OverrideInForceAsync(contact.Id, ct);
        db.SharingDecisions.Add(new SharingDecisionRecord
        {
            Id = Guid.NewGuid(),
            HubId = contact.HubId,
            ContactId = contact.Id,
            Origin = SharingDecisionOrigin.Recorded,
            DecidedByUserId = db.Actor.UserId ?? Guid.Empty,
            DecidedByName = await DisplayNameAsync(ct),
            DecidedAtUtc = time.GetUtcNow().UtcDateTime,
            Share = input.Share!.Value,
            Reasons = input.Reasons!.Trim(),
            Items = input.Items!.Trim(),
            RecipientAgencyId = input.RecipientAgencyId,
            RecipientOrganisation = input.RecipientAgencyId is { } id ? agencies[id] : input.RecipientOrganisation!.Trim(),
            RecipientPerson = string.IsNullOrWhiteSpace(input.RecipientPerson) ? null : input.RecipientPerson.Trim(),
            Purpose = input.Purpose!.Value,
            Article6 = input.Share == true ? input.Article6 : input.Article6 is { } a && Enum.IsDefined(a) ? a : null,
            Condition = input.Condition!.Value,
            ConsentStatus = input.ConsentStatus!.Value,
            NotSoughtReason = input.ConsentStatus == ConsentStatus.NotSought ? input.NotSoughtReason : null,
            ConsentOverrideId = input.Share == true && input.ConsentStatus != ConsentStatus.Given ? inForce?.Id : null,
            FamilyTold = input.FamilyTold!.Value,
            FamilyNotToldReason = input.FamilyTold == false ? input.FamilyNotToldReason!.Trim() : null,
            IdentitiesWithheld = input.IdentitiesWithheld == true ? input.IdentitiesWithheldDetail!.Trim() : null,
        });
        await db.SaveChangesAsync(ct);
        return [];
    }

    public async Task<string> DisplayNameAsync(CancellationToken ct = default) =>
        await db.Users.Where(u => u.Id == db.Actor.UserId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) ?? db.Actor.UserName ?? "unknown";

    private static void Require(string? value, string field, string message, int max, List<ValidationError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, message));
        }
        else
        {
            Limit(value, field, max, errors);
        }
    }

    private static void Limit(string? value, string field, int max, List<ValidationError> errors)
    {
        if (value?.Length > max)
        {
            errors.Add(new(field, $"Your answer must be {max:N0} characters or fewer"));
        }
    }
}
