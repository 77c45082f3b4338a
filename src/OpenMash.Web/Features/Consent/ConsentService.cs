using Microsoft.EntityFrameworkCore;
using OpenMash.Sharing;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Shared;
using Agency = OpenMash.Web.Domain.Hubs.Agency;

namespace OpenMash.Web.Features.Consent;

/// <summary>
/// Consent records: each write checks its rules and is saved with its audit rows in one transaction.
/// <see cref="GateAsync"/> feeds <see cref="ConsentGate"/> from what is recorded here and from the overrides
/// (<see cref="ConsentOverrideService"/>); sharing decisions are <see cref="DataSharing.SharingDecisionService"/>'s.
/// </summary>
public sealed class ConsentService(OpenMashDbContext db, TimeProvider time, ConsentOverrideService overrides)
{
    /// <summary>The people a contact's consent is about: its children, or everyone named when no child is.</summary>
    public static IReadOnlyList<Guid> ConsentSubjects(Contact contact) => RecordedConsent.SubjectsOf(contact);

    /// <summary>
    /// Who discloses when the signed-in practitioner shares: their own agency (the front door's children's social care
    /// for a screener). The Schedule 8 or Schedule 1 condition follows the discloser, never the recipient. Someone with
    /// no agency (a system task) discloses for the hub's front door, run by children's social care.
    /// </summary>
    public async Task<Discloser> DiscloserAsync(CancellationToken ct = default)
    {
        var agencyId = db.Actor.AgencyId;
        var agency = agencyId is null ? null : await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == agencyId, ct);
        return agency is null
            ? new Discloser(null, "The hub's front door (children's social care)", AgencyType.ChildrensSocialCare)
            : new Discloser(agency.Id, agency.Name, agency.Type);
    }

    /// <summary>Evaluates the consent gate for each agency, for every child of the contact: all must pass.</summary>
    public async Task<IReadOnlyList<AgencyGate>> GateAsync(Contact contact, ContactScreening screening, IReadOnlyList<Agency> agencies, SharingPurpose purpose, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var people = ConsentSubjects(contact);
        var records = (await db.Consents.AsNoTracking().Where(c => people.Contains(c.PersonId)).ToListAsync(ct))
            .OrderByDescending(c => c.RecordedAtUtc)
            .ToList();
        var names = await db.Persons.Where(p => people.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.GivenNames + " " + p.FamilyName, ct);
        var discloser = await DiscloserAsync(ct);
        var open = await overrides.OpenOverridesAsync(contact.Id, ct);
        var inForce = ConsentOverrideService.InForce(open, now.UtcDateTime);
        var overdue = open.Where(o => o.IsOverdue(now.UtcDateTime)).OrderByDescending(o => o.RequestedAtUtc).FirstOrDefault();
        var gateOverride = inForce is null
            ? null
            : new ConsentOverride(
                inForce.Status == OverrideStatus.Approved
                    ? inForce.DecidedByName!
                    : $"no one yet: in force at once for a red contact, requested by {inForce.RequestedByName}, retrospective approval due {Shared.CaseDisplay.Time(inForce.ApprovalDueUtc)}",
                DateTime.SpecifyKind(inForce.DecidedAtUtc ?? inForce.RequestedAtUtc, DateTimeKind.Utc),
                inForce.Justification);
        var threshold = screening.AllowsSharingWithoutConsent ? SafeguardingThreshold.AboveThreshold : SafeguardingThreshold.BelowThreshold;
        var result = new List<AgencyGate>();
        foreach (var agency in agencies)
        {
            ConsentGateResult? first = null;
            ConsentGateResult? blocked = null;
            foreach (var person in people)
            {
                // A referrer's report of consent is among the records, marked not confirmed: the gate never relies on it.
                var consents = records.Where(r => r.PersonId == person).Select(r => r.ToGateRecord()).ToList();
                var verdict = ConsentGate.Evaluate(new ConsentGateRequest(
                    threshold, new AgencyId(agency.Id), agency.Type, purpose, now, consents, gateOverride, screening.WithoutConsentReason, screening.ConsentRationale, discloser.Type));
                first ??= verdict;
                if (!verdict.MayProceed && blocked is null)
                {
                    blocked = verdict with { Reason = $"{names.GetValueOrDefault(person, "A child")}: {verdict.Reason}" };
                }
            }

            var chosen = blocked ?? first ?? ConsentGate.Evaluate(new ConsentGateRequest(
                threshold, new AgencyId(agency.Id), agency.Type, purpose, now, [], gateOverride, screening.WithoutConsentReason, screening.ConsentRationale, discloser.Type));
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

        var status = errors.Require(input.Status, nameof(input.Status), "Select whether consent was given, refused, withdrawn, sought and awaiting an answer, or not sought");

        var sought = input.Status is not ConsentStatus.NotSought;
        var asked = input.Status is ConsentStatus.Sought;
        if (sought && (input.GivenBy is null || !Enum.IsDefined(input.GivenBy.Value)))
        {
            errors.Add(new(nameof(input.GivenBy), asked ? "Select who was asked for consent" : "Select who gave, refused or withdrew consent"));
        }

        if (sought && string.IsNullOrWhiteSpace(input.GiverName))
        {
            errors.Add(new(nameof(input.GiverName), asked ? "Enter the name of the person asked for consent" : "Enter the name of the person who gave, refused or withdrew consent"));
        }

        errors.Limit(input.GiverName, nameof(input.GiverName), 200);
        if (sought && input.GivenBy == ConsentGiver.YoungPerson && string.IsNullOrWhiteSpace(input.CompetenceNote))
        {
            errors.Add(new(nameof(input.CompetenceNote), "Enter why the young person is competent to decide for themselves"));
        }

        errors.Limit(input.CompetenceNote, nameof(input.CompetenceNote), 2000);
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
        var decidedOn = today;
        if (!input.DecidedOnValid)
        {
            errors.Add(new(nameof(input.DecidedOn), "Date must be a real date, for example 24 11 2026"));
        }
        else if (input.DecidedOn is not { } decided)
        {
            errors.Add(new(nameof(input.DecidedOn), asked ? "Enter the date consent was sought" : "Enter the date consent was given, refused, withdrawn or decided not to be sought"));
        }
        else if (decided > today)
        {
            errors.Add(new(nameof(input.DecidedOn), "Date must be today or in the past"));
        }
        else
        {
            decidedOn = decided;
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

        errors.Limit(input.Evidence, nameof(input.Evidence), 2000);
        if (errors.Count > 0)
        {
            return errors;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var by = await db.ActorDisplayNameAsync(ct);
        foreach (var person in input.PersonIds.Distinct())
        {
            db.Consents.Add(new RecordedConsent
            {
                Id = Guid.NewGuid(),
                HubId = contact.HubId,
                PersonId = person,
                ContactId = contact.Id,
                Status = status,
                GivenBy = sought ? input.GivenBy : null,
                GiverName = sought ? input.GiverName!.Trim() : null,
                CompetenceNote = sought && input.GivenBy == ConsentGiver.YoungPerson ? input.CompetenceNote!.Trim() : null,
                AgencyTypes = input.AgencyTypes.Distinct().ToList(),
                AgencyIds = input.AgencyIds.Distinct().ToList(),
                Purposes = input.Purposes.Distinct().ToList(),
                DecidedOn = decidedOn,
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

    /// <summary>The consents the referrer reported for this contact that no practitioner has confirmed yet.</summary>
    public async Task<IReadOnlyList<RecordedConsent>> AwaitingConfirmationAsync(Contact contact, CancellationToken ct = default) =>
        (await db.Consents.Where(c => c.ContactId == contact.Id && c.ReportedByReferrer && c.ConfirmedAtUtc == null).ToListAsync(ct))
            .OrderBy(c => c.PersonId)
            .ToList();

    /// <summary>
    /// Confirms, for the people selected, the consent the referrer reported for this contact: who gave it and how the
    /// practitioner confirmed it. Written with its audit row in one save; nothing is stored unless every rule passes.
    /// </summary>
    public async Task<IReadOnlyList<ValidationError>> ConfirmReportedAsync(Contact contact, ConfirmConsentInput input, CancellationToken ct = default)
    {
        var errors = new List<ValidationError>();
        var reported = await AwaitingConfirmationAsync(contact, ct);
        if (input.PersonIds.Count == 0)
        {
            errors.Add(new(nameof(input.PersonIds), "Select whose reported consent you confirmed"));
        }
        else if (!input.PersonIds.All(p => reported.Any(r => r.PersonId == p)))
        {
            errors.Add(new(nameof(input.PersonIds), "Select people whose consent the referrer reported and no one has confirmed"));
        }

        var givenBy = errors.Require(input.GivenBy, nameof(input.GivenBy), "Select who gave consent");
        var giverName = errors.Require(input.GiverName, nameof(input.GiverName), "Enter the name of the person who gave consent", 200);
        if (input.GivenBy == ConsentGiver.YoungPerson)
        {
            errors.Require(input.CompetenceNote, nameof(input.CompetenceNote), "Enter why the young person is competent to decide for themselves", 2000);
        }

        var evidence = errors.Require(input.Evidence, nameof(input.Evidence), "Enter how you confirmed the consent, for example \"phone call with mother 24/11: agreed to checks with all partners\"", 2000);
        if (errors.Count > 0)
        {
            return errors;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var by = await db.ActorDisplayNameAsync(ct);
        var confirmed = reported.Where(r => input.PersonIds.Contains(r.PersonId)).ToList();
        foreach (var consent in confirmed)
        {
            consent.Confirm(givenBy, giverName, input.CompetenceNote?.Trim(), evidence, now, db.Actor.UserId ?? Guid.Empty, by);
        }

        db.Audit(AuditActions.ConfirmConsent, targetType: "Contact", targetId: contact.Id.ToString(), subjects: confirmed.Select(c => c.PersonId), purpose: "Consent",
            detail: $"Confirmed the consent reported by the referrer for {confirmed.Count} of {reported.Count} people");
        await db.SaveChangesAsync(ct);
        return [];
    }

    public Task<string> DisplayNameAsync(CancellationToken ct = default) => db.ActorDisplayNameAsync(ct);
}
