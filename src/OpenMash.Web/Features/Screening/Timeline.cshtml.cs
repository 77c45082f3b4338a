using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Screening;

/// <summary>
/// Everything that happened to one contact, newest first. Whether a partner agency knows the child, and who answered
/// for it, is shown only where the sharing agreements let that agency's answer reach the viewer (through SharingGate).
/// </summary>
[AuditedAs(AuditActions.ViewContactTimeline, Purpose = "Screening")]
public sealed class TimelineModel(OpenMashDbContext db, Checks.CheckService checkService) : PageModel
{
    public string Reference { get; private set; } = string.Empty;

    public Guid ContactId { get; private set; }

    public IReadOnlyList<TimelineEvent> Events { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var contact = HttpContext.Record<Contact>();
        var contactId = contact.Id;
        ContactId = contactId;
        Reference = contact.Reference;
        var screening = await db.Screenings.AsNoTracking().SingleOrDefaultAsync(s => s.ContactId == contactId);
        var answers = await checkService.AnswersForAsync(contactId);
        var checks = answers.Select(a => a.Check).ToList();
        var decisions = await db.Decisions.AsNoTracking().Where(d => d.ContactId == contactId).ToListAsync();
        var extensions = await db.DecisionDueExtensions.AsNoTracking().Where(e => e.ContactId == contactId).ToListAsync();
        var allocations = await db.ContactAllocations.AsNoTracking().Where(a => a.ContactId == contactId).ToListAsync();
        var userIds = checks.Select(c => (Guid?)c.RequestedByUserId).Concat(extensions.Select(e => (Guid?)e.ExtendedByUserId))
            .Concat(allocations.SelectMany(a => new[] { (Guid?)a.AllocatedByUserId, a.ToUserId, a.FromUserId })).Concat(checks.Select(c => c.AnsweredByUserId))
            .Concat(decisions.Select(d => (Guid?)d.ProposedByUserId)).Concat(decisions.Select(d => d.DecidedByUserId))
            .Append(screening?.ScreenedByUserId).OfType<Guid>().Distinct().ToList();
        var users = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        string? Name(Guid? id) => id is { } g ? users.GetValueOrDefault(g) : null;

        var events = new List<TimelineEvent> { new(contact.ReceivedAtUtc, "Contact received", contact.ReferrerAgency ?? contact.ReferrerName, $"By {contact.Channel}") };
        if (screening is not null)
        {
            events.Add(new(screening.ScreenedAtUtc, "Screened", Name(screening.ScreenedByUserId), $"RAG {screening.Rag.DisplayName()}; {screening.Threshold.DisplayName()}"));
        }

        foreach (var extension in extensions)
        {
            events.Add(new(extension.ExtendedAtUtc, "More time given for the decision", Name(extension.ExtendedByUserId), $"Due {Shared.CaseDisplay.Time(extension.NewDueUtc)} instead of {Shared.CaseDisplay.Time(extension.PreviousDueUtc)}: {extension.Reason}"));
        }

        foreach (var allocation in allocations)
        {
            var to = Name(allocation.ToUserId) ?? "a worker";
            events.Add(allocation.FromUserId is { } from
                ? new(allocation.AllocatedAtUtc, $"Reallocated to {to}", Name(allocation.AllocatedByUserId), $"From {Name(from) ?? "another worker"} to {to}")
                : new(allocation.AllocatedAtUtc, $"Allocated to {to}", Name(allocation.AllocatedByUserId), allocation.AllocatedByUserId == allocation.ToUserId ? "Taken by the worker" : null));
        }

        foreach (var answer in answers)
        {
            var check = answer.Check;
            events.Add(new(check.RequestedAtUtc, $"Check requested from {check.Agency.Name}", Name(check.RequestedByUserId), $"Due {Shared.CaseDisplay.Time(check.DueAtUtc)}"));
            if (check.AnsweredAtUtc is { } answered)
            {
                events.Add(answer.Shared >= Sharing.SharingOutcome.ExistenceOnly
                    ? new(answered, $"Check answered by {check.Agency.Name}", answer.Shared == Sharing.SharingOutcome.Content ? Name(check.AnsweredByUserId) : null, check.Known == true ? "Known to the agency" : "Not known to the agency")
                    : new(answered, $"Check answered by {check.Agency.Name}", null, "The answer is not shared with you: see the screening page for why"));
            }

            foreach (var correction in answer.Corrections)
            {
                events.Add(new(correction.Correction.CorrectedAtUtc, $"Check answer corrected by {check.Agency.Name}", correction.CorrectedBy, $"Why: {correction.Correction.Reason}"));
            }
        }

        foreach (var decision in decisions)
        {
            events.Add(new(decision.ProposedAtUtc, "Decision proposed", Name(decision.ProposedByUserId), decision.Outcome.DisplayName()));
            if (decision.DecidedAtUtc is { } decided)
            {
                events.Add(new(decided, decision.Status == DecisionStatus.Approved ? "Decision approved" : "Proposal returned", Name(decision.DecidedByUserId), decision.Status == DecisionStatus.Approved ? decision.Outcome.DisplayName() : decision.ManagerComment));
            }
        }

        if (await db.StrategyDiscussions.AsNoTracking().SingleOrDefaultAsync(s => s.ContactId == contactId) is { } strategy)
        {
            events.Add(strategy.Held
                ? new(strategy.HeldAtUtc ?? strategy.RecordedAtUtc, "Strategy discussion held", null, strategy.SectionFortySevenAgreed == true ? "Section 47 enquiry agreed" : "No section 47 enquiry")
                : new(strategy.RecordedAtUtc, "No strategy discussion held", null, strategy.NotHeldReason));
        }

        // E-mails: "sent" only once the mail server accepted them (the outbox sender records it), otherwise queued or failed.
        var messages = await db.Outbox.AsNoTracking().Where(o => o.ContactId == contactId && (o.Kind == MessageKinds.ReferrerFeedback || o.Kind == MessageKinds.CheckChase)).ToListAsync();
        // A chase queued by hand is audited with who queued it, at the moment it was queued: that names them on the timeline.
        var checkIds = checks.Select(c => c.Id.ToString()).ToList();
        var byHand = await db.AuditEntries.AsNoTracking().Where(a => a.Action == AuditActions.ChaseMultiAgencyCheckByHand && a.TargetId != null && checkIds.Contains(a.TargetId))
            .Select(a => new { a.TargetId, a.OccurredAtUtc, a.UserId }).ToListAsync();
        var chaserIds = byHand.Select(a => a.UserId).OfType<Guid>().Distinct().ToList();
        var chaserNames = await db.Users.Where(u => chaserIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        string? ChasedBy(OutboxMessage m) => byHand
            .Where(a => a.TargetId == m.RecordId?.ToString() && (a.OccurredAtUtc - m.CreatedAtUtc).Duration() < TimeSpan.FromMinutes(1))
            .OrderBy(a => (a.OccurredAtUtc - m.CreatedAtUtc).Duration()).Select(a => a.UserId is { } u ? chaserNames.GetValueOrDefault(u) : null).FirstOrDefault();
        foreach (var message in messages)
        {
            var agency = message.Kind == MessageKinds.CheckChase ? checks.FirstOrDefault(c => c.Id == message.RecordId)?.Agency.Name ?? "an agency" : null;
            events.Add(agency is null
                ? new(message.CreatedAtUtc, "Feedback to the referrer queued", null, message.State == DeliveryState.Queued || message.State == DeliveryState.Sending ? "Not yet sent" : null)
                : new(message.CreatedAtUtc, $"Chase to {agency} queued", ChasedBy(message), message.State == DeliveryState.Sent ? null : message.StatusText(t => Shared.CaseDisplay.Time(t))));
            if (message.State == DeliveryState.Sent && message.SentAtUtc is { } sentAt)
            {
                events.Add(new(sentAt, agency is null ? "Feedback sent to the referrer" : $"Chase sent to {agency}", null, message.Route is { } route ? char.ToUpperInvariant(route.DisplayName()[0]) + route.DisplayName()[1..] : null));
            }
            else if (message.State == DeliveryState.Failed)
            {
                events.Add(new(message.LastAttemptAtUtc ?? message.CreatedAtUtc, agency is null ? "Feedback to the referrer could not be sent" : $"Chase to {agency} could not be sent", null, message.LastError));
            }
        }

        if (contact.FeedbackSentAtUtc is { } feedback && !messages.Any(m => m.Kind == MessageKinds.ReferrerFeedback))
        {
            events.Add(new(feedback, "Feedback sent to the referrer", null, null));
        }

        // Amendments (each change before and after), attachments added after recording, and case notes.
        foreach (var amendment in await Contacts.AmendmentHistory.ForContactAsync(db, contactId))
        {
            events.Add(new(amendment.AmendedAtUtc, "Contact amended", amendment.AmendedBy, $"Reason: {amendment.Reason}") { Changes = amendment.Changes.Select(c => c.ToString()).ToList() });
        }

        var added = await db.ContactAttachments.AsNoTracking().Where(a => a.ContactId == contactId && a.AddedLater)
            .Select(a => new { a.FileName, a.UploadedAtUtc, a.UploadedByUserId, a.PersonId }).ToListAsync();
        var adders = added.Select(a => a.UploadedByUserId).OfType<Guid>().Distinct().ToList();
        var adderNames = await db.Users.Where(u => adders.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        var subjectIds = contact.Subjects.Select(s => s.PersonId).ToList();
        var subjectNames = await db.Persons.AsNoTracking().Where(p => subjectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName);
        foreach (var attachment in added)
        {
            var about = attachment.PersonId is { } p && subjectNames.TryGetValue(p, out var n) ? $", about {n}" : string.Empty;
            events.Add(new(attachment.UploadedAtUtc, "Attachment added", attachment.UploadedByUserId is { } by ? adderNames.GetValueOrDefault(by) : null, attachment.FileName + about));
        }

        foreach (var note in await Contacts.CaseNotes.ForContactAsync(db, contactId))
        {
            events.Add(new(note.WrittenAtUtc, "Case note", note.WrittenBy, note.Text));
        }

        Events = events.OrderByDescending(e => e.AtUtc).ToList();
        db.Audit(AuditActions.ViewContactTimeline, targetType: "Contact", targetId: contactId.ToString(), subjects: contact.Subjects.Select(s => s.PersonId), purpose: "Screening");
        await db.SaveChangesAsync();
        return Page();
    }
}
