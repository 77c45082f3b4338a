using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Shared;
using OpenMash.Web.Features.Timeliness;

namespace OpenMash.Web.Features.Screening;

/// <summary>Screening a contact: the rules and the write happen together, in one transaction.</summary>
public sealed class ScreeningService(OpenMashDbContext db, HubWorkingTime workingTime, TimeProvider time)
{
    public const int HistoryMonths = 12;

    public async Task<ScreeningHistory> HistoryAsync(Contact contact, CancellationToken ct = default)
    {
        var childIds = contact.Subjects.Where(s => s.Role == SubjectRole.Child).Select(s => s.PersonId).ToList();
        var siblingLinks = await db.PersonRelationships
            .Where(r => r.Type == RelationshipType.Sibling && (childIds.Contains(r.PersonId) || childIds.Contains(r.RelatedPersonId)))
            .Select(r => new { r.PersonId, r.RelatedPersonId })
            .ToListAsync(ct);
        var familyIds = childIds
            .Concat(siblingLinks.Select(l => l.PersonId))
            .Concat(siblingLinks.Select(l => l.RelatedPersonId))
            .Distinct()
            .ToList();
        var children = await db.Persons.Where(p => familyIds.Contains(p.Id)).OrderBy(p => p.DateOfBirth).ToListAsync(ct);
        var names = children.ToDictionary(p => p.Id, p => p.FullName);

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var involvements = (await db.Involvements
                .Where(i => familyIds.Contains(i.PersonId) && (i.ClosedOn == null || i.ClosedOn > today))
                .ToListAsync(ct))
            .Select(i => new OpenInvolvement(names.GetValueOrDefault(i.PersonId, "A child"), i.Service, i.Team, i.Worker, i.OpenedOn))
            .ToList();

        var since = time.GetUtcNow().UtcDateTime.AddMonths(-HistoryMonths);
        var links = await db.ContactSubjects.Where(s => familyIds.Contains(s.PersonId)).Select(s => new { s.ContactId, s.PersonId }).ToListAsync(ct);
        var contactIds = links.Select(l => l.ContactId).Distinct().ToList();
        var contacts = await db.Contacts
            .Where(c => contactIds.Contains(c.Id) && (c.ReceivedAtUtc >= since || c.Id == contact.Id))
            .Select(c => new { c.Id, c.Reference, c.ReceivedAtUtc, c.State })
            .ToListAsync(ct);
        var outcomes = (await db.Decisions
                .Where(d => contactIds.Contains(d.ContactId) && d.Status == DecisionStatus.Approved)
                .Select(d => new { d.ContactId, d.Outcome })
                .ToListAsync(ct))
            .GroupBy(d => d.ContactId)
            .ToDictionary(g => g.Key, g => g.First().Outcome);
        var history = contacts
            .OrderBy(c => c.ReceivedAtUtc)
            .Select((c, i) => new HistoryContact(
                c.Id, c.Reference, c.ReceivedAtUtc, c.State, outcomes.TryGetValue(c.Id, out var o) ? o : null,
                links.Where(l => l.ContactId == c.Id).Select(l => names.GetValueOrDefault(l.PersonId)).OfType<string>().Distinct().ToList(),
                i + 1,
                c.Id == contact.Id))
            .ToList();

        var adults = new Dictionary<Guid, string>();
        foreach (var subject in contact.Subjects.Where(s => s.Role is SubjectRole.HouseholdMember or SubjectRole.AssociatedAdult))
        {
            adults[subject.PersonId] = subject.Role == SubjectRole.HouseholdMember ? "Household member (named in this contact)" : "Associated adult (named in this contact)";
        }

        var related = await db.PersonRelationships
            .Where(r => childIds.Contains(r.PersonId) && (r.Type == RelationshipType.ParentCarer || r.Type == RelationshipType.HouseholdMember || r.Type == RelationshipType.PartnerOfParent))
            .Select(r => new { r.RelatedPersonId, r.Type })
            .ToListAsync(ct);
        foreach (var r in related)
        {
            adults.TryAdd(r.RelatedPersonId, PersonDisplay.Relationship(r.Type));
        }

        var adultIds = adults.Keys.ToList();
        var adultPeople = await db.Persons.Where(p => adultIds.Contains(p.Id)).ToListAsync(ct);
        return new ScreeningHistory(
            children,
            involvements,
            history,
            adultPeople.OrderBy(p => p.FamilyName).ThenBy(p => p.GivenNames).Select(p => new HouseholdAdult(p.Id, p.FullName, p.DateOfBirth, adults[p.Id])).ToList());
    }

    /// <summary>Every rule of a screening; the validated screening when none is broken.</summary>
    public static (ValidatedScreening? Screening, List<ValidationError> Errors) Validate(ScreeningInput input)
    {
        var errors = new List<ValidationError>();
        var rag = errors.Require(input.Rag, nameof(input.Rag), "Select a RAG rating");
        var threshold = errors.Require(input.Threshold, nameof(input.Threshold), "Select the threshold level");
        var thresholdRationale = errors.Require(input.ThresholdRationale, nameof(input.ThresholdRationale), "Enter why this contact is at this threshold level", 5000);
        var childSpokenTo = errors.Require(input.ChildSpokenTo, nameof(input.ChildSpokenTo), "Select whether the child has been spoken to");
        var childViews = errors.Require(
            input.ChildViewsOrReason,
            nameof(input.ChildViewsOrReason),
            input.ChildSpokenTo == false ? "Enter why the child has not been spoken to" : "Enter the child's views",
            5000);
        var consentView = errors.Require(input.ConsentView, nameof(input.ConsentView), "Select whether harm is suspected (above threshold) or consent is needed (below)");
        if (input.ConsentView == SafeguardingThreshold.AboveThreshold && input.Threshold is { } level && !ContactScreening.LevelAllowsSharingWithoutConsent(level))
        {
            // Sharing without consent needs suspected harm; at level 1 or 2 there is none, so consent is needed.
            errors.Add(new(nameof(input.ConsentView), $"Select below threshold (consent is needed) for {level.DisplayName()}, or change the threshold level if harm is suspected"));
        }

        var consentRationale = errors.Require(
            input.ConsentRationale,
            nameof(input.ConsentRationale),
            input.ConsentView == SafeguardingThreshold.BelowThreshold ? "Enter the family's consent position" : "Enter why sharing without consent is lawful here",
            5000);
        var lawfulBasis = errors.Require(input.LawfulBasis, nameof(input.LawfulBasis), "Select the lawful basis for sharing: public task or legal obligation");
        OpenMash.Sharing.NotSoughtReason? withoutConsent = null;
        if (input.ConsentView == SafeguardingThreshold.AboveThreshold)
        {
            withoutConsent = errors.Require(
                input.WithoutConsentReason,
                nameof(input.WithoutConsentReason),
                "Select why information is shared without consent: it cannot be given, cannot reasonably be obtained, or seeking it would prejudice the child's protection");
        }

        return (errors.Count > 0 ? null : new ValidatedScreening
        {
            Rag = rag,
            Threshold = threshold,
            ThresholdRationale = thresholdRationale,
            ChildSpokenTo = childSpokenTo,
            ChildViewsOrReason = childViews,
            ConsentView = consentView,
            ConsentRationale = consentRationale,
            NoChecksNeeded = input.NoChecksNeeded,
            LawfulBasis = lawfulBasis,
            WithoutConsentReason = withoutConsent,
        }, errors);
    }

    /// <summary>
    /// A manager gives more time for the decision: a later due time and a reason, both required; written with its
    /// audit row and kept for the timeline. Screening alone never puts a decision back.
    /// </summary>
    public async Task<IReadOnlyList<ValidationError>> ExtendDecisionDueAsync(Contact contact, DecisionDueInput input, CancellationToken ct = default)
    {
        var errors = new List<ValidationError>();
        var reason = errors.Require(input.Reason, nameof(input.Reason), "Enter why this contact needs more time for its decision", 2000);
        var newDue = errors.Require(input.NewDueUtc, nameof(input.NewDueUtc), "Enter the new time the decision is due, like 25/11/2026 14:30");
        if (input.NewDueUtc is { } asked && contact.DecisionDueUtc is { } current && asked <= current)
        {
            errors.Add(new(nameof(input.NewDueUtc), $"The new time must be later than the current one, {CaseDisplay.Time(current)}"));
        }

        if (contact.IsDecided)
        {
            errors.Add(new(string.Empty, "This contact has been decided; its decision time can no longer be changed"));
        }
        else if (contact.DecisionDueUtc is null)
        {
            errors.Add(new(string.Empty, "This contact has no decision time to extend"));
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var extension = contact.ExtendDecisionDue(newDue, reason, db.Actor.UserId ?? Guid.Empty, time.GetUtcNow().UtcDateTime);
        db.DecisionDueExtensions.Add(extension);
        db.Audit(AuditActions.ExtendDecisionDue, targetType: "Contact", targetId: contact.Id.ToString(), subjects: contact.Subjects.Select(s => s.PersonId), purpose: "Screening",
            detail: $"Decision due moved from {CaseDisplay.Time(extension.PreviousDueUtc)} to {CaseDisplay.Time(extension.NewDueUtc)}: {extension.Reason}");
        await db.SaveChangesAsync(ct);
        return [];
    }

    public async Task<IReadOnlyList<ValidationError>> SaveAsync(Contact contact, ScreeningInput input, CancellationToken ct = default)
    {
        var (valid, errors) = Validate(input);
        if (contact.State == ContactState.Decided)
        {
            errors.Add(new(string.Empty, "This contact has been decided; its screening can no longer be changed"));
        }

        if (valid is null || errors.Count > 0)
        {
            return errors;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var calculator = await workingTime.CalculatorAsync(ct);
        // The decision clock runs from receipt (set when the contact was recorded); only a red rating brings it forward.
        var due = calculator.For(valid.Rag, new DateTimeOffset(DateTime.SpecifyKind(contact.ReceivedAtUtc, DateTimeKind.Utc)));
        var decisionDue = valid.Rag == RagRating.Red || contact.DecisionDueUtc is null ? due.DecisionDue.UtcDateTime : contact.DecisionDueUtc.Value;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var screening = await db.Screenings.SingleOrDefaultAsync(s => s.ContactId == contact.Id, ct);
        if (screening is null)
        {
            screening = new ContactScreening { ContactId = contact.Id, HubId = contact.HubId, ThresholdRationale = string.Empty, ChildViewsOrReason = string.Empty, ConsentRationale = string.Empty };
            db.Screenings.Add(screening);
        }

        screening.ScreenedByUserId = db.Actor.UserId ?? Guid.Empty;
        screening.ScreenedAtUtc = now;
        screening.Rag = valid.Rag;
        screening.Threshold = valid.Threshold;
        screening.ThresholdRationale = valid.ThresholdRationale;
        screening.ChildSpokenTo = valid.ChildSpokenTo;
        screening.ChildViewsOrReason = valid.ChildViewsOrReason;
        screening.ConsentView = valid.ConsentView;
        screening.ConsentRationale = valid.ConsentRationale;
        screening.LawfulBasis = valid.LawfulBasis;
        screening.WithoutConsentReason = valid.WithoutConsentReason;

        contact.MarkScreened(now, valid.Rag, due.ChecksDue.UtcDateTime, decisionDue, valid.NoChecksNeeded);

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return [];
    }
}
