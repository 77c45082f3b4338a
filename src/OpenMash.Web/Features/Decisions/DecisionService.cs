using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Shared;
using OpenMash.Web.Features.Timeliness;

namespace OpenMash.Web.Features.Decisions;

/// <summary>Proposals, the manager's four-eyes decision, dip samples, strategy discussions and feedback to the referrer.</summary>
public sealed class DecisionService(OpenMashDbContext db, HubWorkingTime workingTime, TimeProvider time)
{
    public const string FeedbackKind = MessageKinds.ReferrerFeedback;


    public async Task<(ContactDecision? Decision, IReadOnlyList<ValidationError> Errors)> ProposeAsync(Contact contact, ProposalInput input, CancellationToken ct = default)
    {
        var errors = new List<ValidationError>();
        var outcome = errors.Require(input.Outcome, nameof(input.Outcome), "Select the outcome");
        var rationale = errors.Require(input.Rationale, nameof(input.Rationale), "Enter the reasons for this decision", 5000, "Reasons");
        errors.Limit(input.Team, nameof(input.Team), 200, "Team");
        var primaryNeed = errors.Require(input.PrimaryNeed, nameof(input.PrimaryNeed), "Select the primary need code");

        if (contact.State is not (ContactState.AwaitingDecision or ContactState.AwaitingPartnerInformation))
        {
            errors.Insert(0, new(string.Empty, contact.State == ContactState.Decided
                ? "This contact has already been decided"
                : "Screen the contact before proposing a decision"));
        }
        else if (await db.Decisions.AnyAsync(d => d.ContactId == contact.Id && d.Status == DecisionStatus.Proposed, ct))
        {
            errors.Insert(0, new(string.Empty, "A decision has already been proposed for this contact and is waiting for a manager"));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var decision = new ContactDecision
        {
            Id = Guid.NewGuid(),
            HubId = contact.HubId,
            ContactId = contact.Id,
            ProposedByUserId = db.Actor.UserId ?? Guid.Empty,
            ProposedAtUtc = now,
            Outcome = outcome,
            Rationale = rationale,
            Team = string.IsNullOrWhiteSpace(input.Team) ? null : input.Team.Trim(),
            PrimaryNeed = primaryNeed,
            Status = DecisionStatus.Proposed,
        };
        db.Decisions.Add(decision);
        contact.DecisionProposedAtUtc = now;
        await db.SaveChangesAsync(ct);
        return (decision, []);
    }

    /// <summary>A manager approves: the contact is decided, the referrer's feedback is queued (the outbox sender sends it), and a share of NFAs are set aside for a dip sample.</summary>
    public async Task<IReadOnlyList<ValidationError>> ApproveAsync(ContactDecision decision, string? comment, CancellationToken ct = default)
    {
        // Four eyes is the page's policy (Policies.ApproveDecision): the proposer is refused, 403 and audited, before this runs.
        var errors = CheckDecidable(decision, comment);
        if (errors.Count > 0)
        {
            return errors;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var settings = await db.HubSettings.AsNoTracking().SingleAsync(ct);
        var calculator = await workingTime.CalculatorAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var contact = await db.Contacts.SingleAsync(c => c.Id == decision.ContactId, ct);
        decision.Status = DecisionStatus.Approved;
        decision.DecidedByUserId = db.Actor.UserId;
        decision.DecidedAtUtc = now;
        decision.ManagerComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        decision.DipSample = decision.Outcome == DecisionOutcome.NoFurtherAction && InDipSample(decision.Id, settings.NoFurtherActionDipSamplePercent);
        contact.Decide(now, calculator.AddWorkingTime(new DateTimeOffset(now), calculator.Settings.WorkingDayLength * settings.FeedbackWithinWorkingDays).UtcDateTime);
        if (!string.IsNullOrWhiteSpace(contact.ReferrerEmail))
        {
            // Queued, not sent: the outbox sender records FeedbackSentAtUtc once the mail server has accepted it. The
            // e-mail carries the reference and a link only: the outcome, and anything any agency supplied, stay in the
            // system, where a referrer with an account reads the outcome (others ask the hub).
            var body = contact.ReferrerUserId is null
                ? $"Thank you for your contact {contact.Reference}. The hub has decided what happens next. " +
                  $"To hear the outcome, contact the hub{(string.IsNullOrWhiteSpace(settings.SupportContact) ? string.Empty : ": " + settings.SupportContact)}, quoting the reference."
                : $"Thank you for your contact {contact.Reference}. The hub has decided what happens next: sign in to OpenMash to see the outcome.";
            db.QueueEmails(contact.HubId, FeedbackKind, [contact.ReferrerEmail], $"Outcome of your contact {contact.Reference}", body, now,
                contactId: contact.Id, linkPath: contact.ReferrerUserId is null ? null : $"/Referrals/{contact.Id}");
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return [];
    }

    public async Task<IReadOnlyList<ValidationError>> ReturnAsync(ContactDecision decision, string? comment, CancellationToken ct = default)
    {
        var errors = CheckDecidable(decision, comment);
        if (string.IsNullOrWhiteSpace(comment))
        {
            errors.Add(new("Comment", "Enter what the screener needs to reconsider"));
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        decision.Status = DecisionStatus.Returned;
        decision.DecidedByUserId = db.Actor.UserId;
        decision.DecidedAtUtc = time.GetUtcNow().UtcDateTime;
        decision.ManagerComment = comment!.Trim();

        // The contact keeps its place: waiting for a decision (or still for partners, if answers are outstanding).
        await db.SaveChangesAsync(ct);
        return [];
    }

    public async Task<IReadOnlyList<ValidationError>> RecordDipSampleAsync(ContactDecision decision, string? note, CancellationToken ct = default)
    {
        var errors = new List<ValidationError>();
        if (!decision.DipSample || decision.Status != DecisionStatus.Approved)
        {
            errors.Add(new(string.Empty, "This decision is not in the dip sample"));
        }
        else if (decision.DipSampledAtUtc is not null)
        {
            errors.Add(new(string.Empty, "This decision has already been dip sampled"));
        }
        else if (decision.DecidedByUserId == db.Actor.UserId || decision.ProposedByUserId == db.Actor.UserId)
        {
            errors.Add(new(string.Empty, "A dip sample must be done by a manager who neither proposed nor approved the decision"));
            db.Audit(AuditActions.DipSampleContactDecision, AuditOutcome.Refused, nameof(ContactDecision), decision.Id.ToString(), detail: "second manager required");
            await db.SaveChangesAsync(ct);
            return errors;
        }

        errors.Require(note, "Note", "Enter your dip sample findings", 5000, "Findings");

        if (errors.Count > 0)
        {
            return errors;
        }

        decision.DipSampledByUserId = db.Actor.UserId;
        decision.DipSampledAtUtc = time.GetUtcNow().UtcDateTime;
        decision.DipSampleNote = note!.Trim();
        await db.SaveChangesAsync(ct);
        return [];
    }

    /// <summary>Harm was suspected when the screening put the contact at child protection level or a strategy discussion or immediate protection was proposed.</summary>
    public async Task<bool> HarmSuspectedAsync(Guid contactId, CancellationToken ct = default) =>
        await db.Screenings.AnyAsync(s => s.ContactId == contactId && s.Threshold == ThresholdLevel.ChildProtection, ct)
        || await db.Decisions.AnyAsync(
            d => d.ContactId == contactId && d.Status != DecisionStatus.Returned
                && (d.Outcome == DecisionOutcome.StrategyDiscussion || d.Outcome == DecisionOutcome.ImmediateProtection),
            ct);

    public async Task<IReadOnlyList<ValidationError>> RecordStrategyAsync(Contact contact, StrategyInput input, CancellationToken ct = default)
    {
        var errors = new List<ValidationError>();
        var hubId = db.Actor.HubId;
        if (input.Held is null)
        {
            errors.Add(new(nameof(input.Held), "Select whether a strategy discussion was held"));
        }
        else if (input.Held == true)
        {
            if (input.HeldAtUtc is null)
            {
                errors.Add(new(nameof(input.HeldAtUtc), "Enter when the strategy discussion was held, like 25/11/2026 14:30"));
            }
            else if (input.HeldAtUtc > time.GetUtcNow().UtcDateTime.AddMinutes(5))
            {
                errors.Add(new(nameof(input.HeldAtUtc), "The strategy discussion must have been held in the past"));
            }

            var ids = input.AttendedAgencyIds.Distinct().ToList();
            var known = await db.Agencies.CountAsync(a => ids.Contains(a.Id) && a.Hubs.Any(h => h.HubId == hubId), ct);
            if (known != ids.Count)
            {
                errors.Add(new(nameof(input.AttendedAgencyIds), "Select attending agencies from the list"));
            }

            if (input.SectionFortySevenAgreed is null)
            {
                errors.Add(new(nameof(input.SectionFortySevenAgreed), "Select whether a section 47 enquiry was agreed"));
            }
        }
        else if (string.IsNullOrWhiteSpace(input.NotHeldReason) && await HarmSuspectedAsync(contact.Id, ct))
        {
            errors.Add(new(nameof(input.NotHeldReason), "Enter why no strategy discussion was held: harm was suspected"));
        }

        errors.Limit(input.NotHeldReason, nameof(input.NotHeldReason), 5000, "Reason");

        if (errors.Count > 0)
        {
            return errors;
        }

        var record = await db.StrategyDiscussions.SingleOrDefaultAsync(s => s.ContactId == contact.Id, ct);
        if (record is null)
        {
            record = new StrategyDiscussion { Id = Guid.NewGuid(), HubId = contact.HubId, ContactId = contact.Id };
            db.StrategyDiscussions.Add(record);
        }

        var held = input.Held == true;
        record.Held = held;
        record.HeldAtUtc = held ? input.HeldAtUtc : null;
        record.InvitedPolice = held && input.InvitedPolice;
        record.InvitedHealth = held && input.InvitedHealth;
        record.InvitedEducation = held && input.InvitedEducation;
        record.InvitedSocialWorker = held && input.InvitedSocialWorker;
        record.AttendedAgencyIds = held ? input.AttendedAgencyIds.Distinct().ToList() : [];
        record.SectionFortySevenAgreed = held ? input.SectionFortySevenAgreed : null;
        record.NotHeldReason = held || string.IsNullOrWhiteSpace(input.NotHeldReason) ? null : input.NotHeldReason.Trim();
        record.RecordedByUserId = db.Actor.UserId ?? Guid.Empty;
        record.RecordedAtUtc = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return [];
    }

    /// <summary>Deterministic per decision, so that a test can pin the share at 0 or 100 per cent.</summary>
    public static bool InDipSample(Guid decisionId, int percent)
    {
        if (percent <= 0)
        {
            return false;
        }

        var hash = SHA256.HashData(decisionId.ToByteArray());
        return BitConverter.ToUInt32(hash, 0) % 100 < percent;
    }

    private static List<ValidationError> CheckDecidable(ContactDecision decision, string? comment)
    {
        var errors = new List<ValidationError>();
        if (decision.Status != DecisionStatus.Proposed)
        {
            errors.Add(new(string.Empty, "This proposal has already been dealt with"));
        }

        errors.Limit(comment, "Comment", 5000, "Comment");

        return errors;
    }
}
