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

    public Task<string> DisplayNameAsync(CancellationToken ct = default) => db.ActorDisplayNameAsync(ct);
}
