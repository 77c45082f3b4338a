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
        foreach (var message in messages)
        {
            var agency = message.Kind == MessageKinds.CheckChase ? checks.FirstOrDefault(c => c.Id == message.RecordId)?.Agency.Name ?? "an agency" : null;
            events.Add(agency is null
                ? new(message.CreatedAtUtc, "Feedback to the referrer queued", null, message.State == DeliveryState.Queued || message.State == DeliveryState.Sending ? "Not yet sent" : null)
                : new(message.CreatedAtUtc, $"Chase to {agency} queued", null, message.State == DeliveryState.Sent ? null : message.StatusText(t => Shared.CaseDisplay.Time(t))));
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

        Events = events.OrderByDescending(e => e.AtUtc).ToList();
        db.Audit(AuditActions.ViewContactTimeline, targetType: "Contact", targetId: contactId.ToString(), subjects: contact.Subjects.Select(s => s.PersonId), purpose: "Screening");
        await db.SaveChangesAsync();
        return Page();
    }
}
