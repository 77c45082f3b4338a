using Microsoft.EntityFrameworkCore;
using OpenMash.Sharing;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Shared;

namespace OpenMash.Web.Features.Checks;

/// <summary>Requests to partner agencies, their answers, and who may see which item of an answer.</summary>
public sealed class CheckService(OpenMashDbContext db, TimeProvider time, DataSharing.SharingGate gate, Consent.ConsentService consent, DataSharing.SharingDecisionService decisions, Timeliness.HubWorkingTime workingTime)
{
    public const string ConsentNeededMessage = "Consent is needed before partner checks";

    /// <summary>Agencies serving the hub that a screener may ask, other than their own.</summary>
    public async Task<IReadOnlyList<ValidationError>> RequestAsync(Contact contact, IReadOnlyCollection<Guid> agencyIds, CancellationToken ct = default)
    {
        var errors = new List<ValidationError>();
        var screening = await db.Screenings.AsNoTracking().SingleOrDefaultAsync(s => s.ContactId == contact.Id, ct);
        var allowed = await db.RequestableAgencies().Where(a => agencyIds.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct);
        var already = await db.Checks.Where(c => c.ContactId == contact.Id).Select(c => c.AgencyId).ToListAsync(ct);
        if (screening is null)
        {
            errors.Add(new("AgencyIds", "Screen the contact before requesting checks"));
        }
        else if (screening.LawfulBasis is null)
        {
            errors.Add(new("AgencyIds", "Record the lawful basis for sharing on the screening before requesting checks"));
        }

        if (contact.State == ContactState.Decided)
        {
            errors.Add(new("AgencyIds", "This contact has been decided; no more checks can be requested"));
        }

        if (agencyIds.Count == 0)
        {
            errors.Add(new("AgencyIds", "Select at least one agency to check with"));
        }
        else if (allowed.Count != agencyIds.Count)
        {
            errors.Add(new("AgencyIds", "Select agencies from the list"));
        }
        else if (allowed.All(already.Contains))
        {
            errors.Add(new("AgencyIds", "Checks have already been requested from the agencies selected"));
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        // The consent gate, per destination agency: below threshold consent (or an override in force) must cover it.
        var destinations = await db.RequestableAgencies().Where(a => agencyIds.Contains(a.Id) && !already.Contains(a.Id)).OrderBy(a => a.Name).ToListAsync(ct);
        var gates = await consent.GateAsync(contact, screening!, destinations, SharingPurpose.SafeguardingScreening, ct);
        foreach (var blocked in gates.Where(g => !g.Result.MayProceed))
        {
            errors.Add(new("AgencyIds",
                $"{ConsentNeededMessage} to {blocked.Agency.Name}. {blocked.Result.Reason} To proceed, record the family's consent covering {blocked.Agency.Name} for safeguarding screening (Record consent, above), " +
                "or ask a practitioner with the consent override permission to request an override; if harm is suspected, re-screen the contact as above threshold."));
        }

        if (errors.Count > 0)
        {
            db.Audit(AuditActions.RequestChecks, AuditOutcome.Refused, "Contact", contact.Id.ToString(), contact.Subjects.Select(s => s.PersonId), "Safeguarding screening",
                Truncate(string.Join(" | ", gates.Where(g => !g.Result.MayProceed).Select(g => $"{g.Agency.Name}: {g.Result.Reason}")), 2000));
            await db.SaveChangesAsync(ct);
            return errors;
        }

        var now = time.GetUtcNow().UtcDateTime;
        // A check is due the hub's response time after it is requested: never before.
        var responseHours = await db.HubSettings.AsNoTracking().Where(s => s.HubId == contact.HubId).Select(s => (double?)s.CheckResponseWorkingHours).SingleOrDefaultAsync(ct) ?? 4;
        var calculator = await workingTime.CalculatorAsync(ct);
        var checkDue = calculator.AddWorkingTime(new DateTimeOffset(DateTime.SpecifyKind(now, DateTimeKind.Utc)), TimeSpan.FromHours(responseHours)).UtcDateTime;
        var decidedBy = await consent.DisplayNameAsync(ct);
        var discloser = await consent.DiscloserAsync(ct);
        foreach (var sent in gates)
        {
            var agencyId = sent.Agency.Id;
            var checkId = Guid.NewGuid();
            db.SharingDecisions.Add(decisions.ForCheckSent(contact, screening!, sent, discloser, checkId, now, decidedBy));
            db.Checks.Add(new MultiAgencyCheck
            {
                Id = checkId,
                HubId = contact.HubId,
                ContactId = contact.Id,
                AgencyId = agencyId,
                RequestedByUserId = db.Actor.UserId ?? Guid.Empty,
                RequestedAtUtc = now,
                DueAtUtc = checkDue,
                Status = CheckStatus.Requested,
            });
        }

        contact.RequestChecks(now);

        await db.SaveChangesAsync(ct);
        return [];
    }

    public static List<ValidationError> Validate(CheckAnswerInput input)
    {
        var errors = new List<ValidationError>();
        if (input.Known is null)
        {
            errors.Add(new(nameof(input.Known), "Select whether your agency knows this child or family"));
        }

        errors.Require(input.Summary, nameof(input.Summary), "Enter a summary of what your agency holds", 2000, "Summary");
        errors.Limit(input.Details, nameof(input.Details), 20000, "Details");
        for (var i = 0; i < input.Items.Count; i++)
        {
            errors.Limit(input.Items[i].Text, $"Items[{i}].Text", 5000, $"Item {i + 1}");

            if (string.IsNullOrWhiteSpace(input.Items[i].Text) && input.Items[i].Restrictions != ItemRestrictions.None)
            {
                errors.Add(new($"Items[{i}].Text", $"Enter the information for item {i + 1}, or clear its restrictions"));
            }
        }

        if (input.Known == true && !input.Items.Any(i => !string.IsNullOrWhiteSpace(i.Text)))
        {
            errors.Add(new("Items[0].Text", "Enter at least one item of information your agency holds"));
        }

        return errors;
    }

    /// <summary>Stores the answer; once every check of the contact is answered the contact waits for a decision.</summary>
    public async Task<IReadOnlyList<ValidationError>> AnswerAsync(MultiAgencyCheck check, CheckAnswerInput input, CancellationToken ct = default)
    {
        var errors = Validate(input);
        if (check.AgencyId != db.Actor.AgencyId)
        {
            // Only the agency asked may answer: its answer is attributed to it.
            return [new(string.Empty, "Only the agency asked can answer this check")];
        }

        if (check.Status == CheckStatus.Answered)
        {
            errors.Insert(0, new(string.Empty, "This check has already been answered"));
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        check.Status = CheckStatus.Answered;
        check.AnsweredAtUtc = now;
        check.AnsweredByUserId = db.Actor.UserId;
        check.Known = input.Known;
        check.Summary = input.Summary!.Trim();
        check.Details = string.IsNullOrWhiteSpace(input.Details) ? null : input.Details.Trim();
        foreach (var item in input.Items.Where(i => !string.IsNullOrWhiteSpace(i.Text)))
        {
            db.CheckItems.Add(new CheckItem { Id = Guid.NewGuid(), HubId = check.HubId, CheckId = check.Id, Text = item.Text!.Trim(), Restrictions = item.Restrictions });
        }

        await db.SaveChangesAsync(ct);
        var outstanding = await db.Checks.AnyAsync(c => c.ContactId == check.ContactId && c.Status != CheckStatus.Answered, ct);
        if (!outstanding)
        {
            var contact = await db.Contacts.SingleAsync(c => c.Id == check.ContactId, ct);
            contact.ChecksCompleted(now);

            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return [];
    }

    /// <summary>Every check of a contact, each answer with only what the signed-in user may see.</summary>
    public async Task<IReadOnlyList<VisibleAnswer>> AnswersForAsync(Guid contactId, CancellationToken ct = default) =>
        await AnswersForAsync(contactId, await ViewerAsync(ct), ct);

    /// <summary>
    /// Every check of a contact as <paramref name="viewer"/> may see it: another agency's answer passes the sharing
    /// agreements for the viewer's agency and hub (the one enforcement point, each decision audited), and each item
    /// the supplier's restrictions withhold from this viewer is counted, not shown. A refused answer carries no
    /// content, no count of items and no name of who answered.
    /// </summary>
    public async Task<IReadOnlyList<VisibleAnswer>> AnswersForAsync(Guid contactId, AnswerViewer viewer, CancellationToken ct = default)
    {
        var checks = await db.Checks.AsNoTracking().Include(c => c.Agency).Include(c => c.Items)
            .Where(c => c.ContactId == contactId).ToListAsync(ct);
        var userIds = checks.Select(c => c.AnsweredByUserId).OfType<Guid>().Distinct().ToList();
        var users = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var subjects = await db.ContactSubjects.AsNoTracking().Where(s => s.ContactId == contactId).Select(s => s.PersonId).ToListAsync(ct);
        var answers = new List<VisibleAnswer>();
        foreach (var c in checks.OrderBy(c => c.Agency.Name))
        {
            var answeredBy = c.AnsweredByUserId is { } id ? users.GetValueOrDefault(id) : null;
            var visible = c.Items.Where(i => ItemRestrictionPolicy.MayView(i.Restrictions, new Sharing.AgencyId(c.AgencyId), viewer.Items).Visible).ToList();
            if (c.Status != CheckStatus.Answered || (c.AgencyId == viewer.AgencyId && c.HubId == viewer.HubId))
            {
                answers.Add(new VisibleAnswer(c, answeredBy, visible, c.Items.Count - visible.Count));
                continue;
            }

            // The one enforcement point: each partner answer passes the sharing agreements, and each decision is audited.
            var verdict = await gate.DecideAsync(
                new DataSharing.ShareRequest(c.AgencyId, c.Agency.Name, c.HubId, CategoryOf(c.Agency.Type), viewer.Purpose, nameof(MultiAgencyCheck), c.Id.ToString(), subjects),
                viewer.AgencyId,
                viewer.HubId,
                ct);
            answers.Add(verdict.MaySeeContent
                ? new VisibleAnswer(c, answeredBy, visible, c.Items.Count - visible.Count)
                : new VisibleAnswer(c, null, [], 0, verdict.Outcome, verdict.WhyNot));
        }

        await db.SaveChangesAsync(ct);
        return answers;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    /// <summary>The kind of data an agency's answer carries, for the sharing agreements.</summary>
    public static DataCategory CategoryOf(AgencyType type) => type switch
    {
        AgencyType.Police => DataCategory.PoliceIncidents,
        AgencyType.Health => DataCategory.HealthRecords,
        AgencyType.Education => DataCategory.EducationAttendance,
        AgencyType.ChildrensSocialCare => DataCategory.SocialCareHistory,
        _ => DataCategory.ReferralContent,
    };

    /// <summary>The signed-in user as a viewer of answers: their agency and hub, and how item restrictions apply to their role.</summary>
    public async Task<AnswerViewer> ViewerAsync(CancellationToken ct = default)
    {
        var actor = db.Actor;
        var type = await db.Agencies.Where(a => a.Id == actor.AgencyId).Select(a => (AgencyType?)a.Type).SingleOrDefaultAsync(ct) ?? AgencyType.Other;
        var roles = actor.RoleSet;
        var (role, audience) = roles.Contains(Security.Roles.MashManager) ? (ViewerRole.MashManager, Audience.MashInternal)
            : roles.Contains(Security.Roles.ScreeningSocialWorker) ? (ViewerRole.MashSocialWorker, Audience.MashInternal)
            : roles.Contains(Security.Roles.AgencyResearcher) ? (ViewerRole.AgencyResearcher, Audience.MashInternal)
            : roles.Contains(Security.Roles.Referrer) ? (ViewerRole.Referrer, Audience.ReferrerFeedback)
            : roles.Contains(Security.Roles.ExploitationTaskGroup) ? (ViewerRole.PartnerPractitioner, Audience.PartnerAgency)
            : (ViewerRole.Analyst, Audience.MashInternal);
        var agency = actor.AgencyId ?? Guid.Empty;
        return new AnswerViewer(agency, actor.HubId ?? Guid.Empty, new ItemViewer(role, new Sharing.AgencyId(agency), type, audience));
    }

    /// <summary>A referrer's agency as the destination of feedback (the outbox writes it while a manager is signed in).</summary>
    public async Task<AnswerViewer?> ReferrerViewerAsync(Guid? agencyId, Guid hubId, CancellationToken ct = default)
    {
        var type = await db.Agencies.Where(a => a.Id == agencyId).Select(a => (AgencyType?)a.Type).SingleOrDefaultAsync(ct);
        return agencyId is { } id && type is { } t
            ? new AnswerViewer(id, hubId, new ItemViewer(ViewerRole.Referrer, new Sharing.AgencyId(id), t, Audience.ReferrerFeedback))
            : null;
    }
}
