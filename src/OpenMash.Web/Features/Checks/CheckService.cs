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
        // Every child and every adult named in the contact, unless the screener left an adult out (with a reason).
        var people = await CheckPeopleBackfill.PeopleInOrderAsync(db.ContactSubjects.Where(s => s.ContactId == contact.Id && !s.LeftOutOfChecks), db, ct);
        foreach (var sent in gates)
        {
            var agencyId = sent.Agency.Id;
            var checkId = Guid.NewGuid();
            db.SharingDecisions.Add(decisions.ForCheckSent(contact, screening!, sent, discloser, checkId, now, decidedBy, people.Count(p => p.AsAdult)));
            db.Checks.Add(new MultiAgencyCheck
            {
                People = people.Select((p, i) => new CheckPerson { Id = Guid.NewGuid(), HubId = contact.HubId, CheckId = checkId, PersonId = p.PersonId, Position = i, AsAdult = p.AsAdult }).ToList(),
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

    public const string DecidedRefusal = "This contact's decision has been approved, so the answer can no longer be corrected. Tell the MASH manager what has changed: they can record it on the contact.";

    /// <summary>
    /// Every rule of an answer: each person the check asks about is answered for (nothing held, or at least one item
    /// about them), each adult's domestic abuse question is answered, and the summary is given when anything is held.
    /// Error keys are <c>People[i]</c> by the person's place in the request, as the page shows them.
    /// </summary>
    public static List<ValidationError> Validate(CheckAnswerInput input, IReadOnlyList<CheckPersonView> people)
    {
        var errors = new List<ValidationError>();
        var byPerson = input.People.Where(p => p.PersonId is not null).GroupBy(p => p.PersonId!.Value).ToDictionary(g => g.Key, g => g.First());
        if (input.People.Any(p => p.PersonId is { } id && people.All(x => x.Person.PersonId != id)))
        {
            errors.Add(new(string.Empty, "The answer names someone this check does not ask about: open the check again and answer for the people it lists"));
        }

        for (var i = 0; i < people.Count; i++)
        {
            var who = people[i];
            var prefix = $"People[{i}]";
            var answer = byPerson.GetValueOrDefault(who.Person.PersonId);
            if (answer?.Held is null)
            {
                errors.Add(new($"{prefix}.Held", $"Select whether your agency holds information about {who.Name}, or nothing held"));
            }

            var items = answer?.Items ?? [];
            for (var j = 0; j < items.Count; j++)
            {
                errors.Limit(items[j].Text, $"{prefix}.Items[{j}].Text", 5000, $"Item {j + 1} about {who.Name}");
                if (string.IsNullOrWhiteSpace(items[j].Text) && items[j].Restrictions != ItemRestrictions.None)
                {
                    errors.Add(new($"{prefix}.Items[{j}].Text", $"Enter the information for item {j + 1} about {who.Name}, or clear its restrictions"));
                }
            }

            var anyItem = items.Any(x => !string.IsNullOrWhiteSpace(x.Text));
            if (answer?.Held == false && anyItem)
            {
                errors.Add(new($"{prefix}.Held", $"You selected nothing held about {who.Name} but entered information: select that your agency holds information, or clear the items"));
            }

            if (who.AsAdult)
            {
                if (answer?.DomesticAbuse is null)
                {
                    errors.Add(new($"{prefix}.DomesticAbuse", $"Select whether your agency holds domestic abuse history about {who.Name}"));
                }
                else if (answer.DomesticAbuse == true)
                {
                    errors.Require(answer.DomesticAbuseText, $"{prefix}.DomesticAbuseText", $"Enter the domestic abuse history your agency holds about {who.Name}", 5000, "Domestic abuse history");
                    if (answer.Held == false)
                    {
                        errors.Add(new($"{prefix}.Held", $"You said domestic abuse history is held about {who.Name}: select that your agency holds information about them"));
                    }
                }
                else if (!string.IsNullOrWhiteSpace(answer.DomesticAbuseText))
                {
                    errors.Add(new($"{prefix}.DomesticAbuseText", $"You selected no domestic abuse history about {who.Name}: clear the history, or select that it is held"));
                }
            }

            if (answer?.Held == true && !anyItem && !(who.AsAdult && answer.DomesticAbuse == true))
            {
                errors.Add(new($"{prefix}.Items[0].Text", $"Enter at least one item of information your agency holds about {who.Name}"));
            }
        }

        var holdsSomething = people.Any(p => byPerson.GetValueOrDefault(p.Person.PersonId)?.Held == true);
        if (holdsSomething)
        {
            errors.Require(input.Summary, nameof(input.Summary), "Enter a summary of what your agency holds", 2000, "Summary");
        }
        else
        {
            errors.Limit(input.Summary, nameof(input.Summary), 2000, "Summary");
        }

        errors.Limit(input.Details, nameof(input.Details), 20000, "Details");
        return errors;
    }

    /// <summary>The people a check asks about, in the request's order, with their names, births and relationships to the children.</summary>
    public async Task<IReadOnlyList<CheckPersonView>> PeopleOfAsync(MultiAgencyCheck check, CancellationToken ct = default)
    {
        var people = check.People.Count > 0 ? check.People : await db.CheckPeople.Where(p => p.CheckId == check.Id).ToListAsync(ct);
        var ids = people.Select(p => p.PersonId).ToList();
        var persons = await db.Persons.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var relationships = await db.PersonRelationships.AsNoTracking()
            .Where(r => ids.Contains(r.PersonId) && ids.Contains(r.RelatedPersonId))
            .Select(r => new { r.PersonId, r.RelatedPersonId, r.Type })
            .ToListAsync(ct);
        string? RelationshipOf(CheckPerson p)
        {
            var words = relationships.Where(r => r.RelatedPersonId == p.PersonId && people.Any(c => c.PersonId == r.PersonId && !c.AsAdult))
                .Select(r => $"{PersonDisplay.Relationship(r.Type).ToLowerInvariant()} of {persons.GetValueOrDefault(r.PersonId)?.FullName}")
                .Distinct()
                .ToList();
            return words.Count == 0 ? null : string.Join("; ", words);
        }

        return people.OrderBy(p => p.Position).Select(p =>
        {
            var person = persons.GetValueOrDefault(p.PersonId);
            return new CheckPersonView(
                p,
                person?.FullName ?? "A person",
                person is null ? "Not known" : PersonDisplay.Birth(person.DateOfBirth, person.DateOfBirthIsEstimated, person.ExpectedDeliveryDate),
                RelationshipOf(p));
        }).ToList();
    }

    /// <summary>Stores the answer about each person; once every check of the contact is answered the contact waits for a decision.</summary>
    public async Task<IReadOnlyList<ValidationError>> AnswerAsync(MultiAgencyCheck check, CheckAnswerInput input, CancellationToken ct = default)
    {
        if (check.AgencyId != db.Actor.AgencyId)
        {
            // Only the agency asked may answer: its answer is attributed to it.
            return [new(string.Empty, "Only the agency asked can answer this check")];
        }

        var people = await PeopleOfAsync(check, ct);
        var errors = Validate(input, people);
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
        Apply(check, input, people);
        check.RecordAnswer(db.Actor.UserId, now, Summary(input, people), Clean(input.Details));
        db.Audit(AuditActions.AnswerCheck, targetType: nameof(MultiAgencyCheck), targetId: check.Id.ToString(), subjects: people.Select(p => p.Person.PersonId), purpose: "Multi-agency check",
            detail: Truncate(check.PeopleInWords(people.ToDictionary(p => p.Person.PersonId, p => p.Name)), 2000));
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

    /// <summary>
    /// The answering agency corrects its sent answer, with a reason, until the contact's decision is approved. The
    /// answer before is kept (its items marked as replaced, its words on the correction); the correction is audited
    /// and shown with who, when and why on the check, the screening page and the timeline.
    /// </summary>
    public async Task<IReadOnlyList<ValidationError>> CorrectAsync(MultiAgencyCheck check, CheckAnswerInput input, string? reason, CancellationToken ct = default)
    {
        if (check.AgencyId != db.Actor.AgencyId)
        {
            return [new(string.Empty, "Only the agency asked can correct its answer")];
        }

        var contact = await db.Contacts.Include(c => c.Subjects).SingleAsync(c => c.Id == check.ContactId, ct);
        var people = await PeopleOfAsync(check, ct);
        if (check.Status != CheckStatus.Answered)
        {
            return [new(string.Empty, "This check has not been answered yet: answer it first")];
        }

        if (contact.IsDecided)
        {
            db.Audit(AuditActions.CorrectCheckAnswer, AuditOutcome.Refused, nameof(MultiAgencyCheck), check.Id.ToString(), people.Select(p => p.Person.PersonId), "Multi-agency check", "The contact's decision has been approved");
            await db.SaveChangesAsync(ct);
            return [new(string.Empty, DecidedRefusal)];
        }

        var errors = new List<ValidationError>();
        var why = errors.Require(reason, "Reason", "Enter why the answer is being corrected", 2000, "Reason");
        errors.AddRange(Validate(input, people));
        if (errors.Count > 0)
        {
            return errors;
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var names = people.ToDictionary(p => p.Person.PersonId, p => p.Name);
        var correction = new CheckCorrection
        {
            Id = Guid.NewGuid(),
            HubId = check.HubId,
            CheckId = check.Id,
            CorrectedByUserId = db.Actor.UserId ?? Guid.Empty,
            CorrectedAtUtc = now,
            Reason = why,
            PreviousKnown = check.Known,
            PreviousSummary = check.Summary,
            PreviousDetails = check.Details,
            PreviousPeople = Truncate(check.PeopleInWords(names), 5000),
        };
        var current = await db.CheckItems.Where(i => i.CheckId == check.Id && i.SupersededByCorrectionId == null).ToListAsync(ct);
        foreach (var item in current)
        {
            item.SupersededByCorrectionId = correction.Id;
        }

        Apply(check, input, people);
        check.Correct(correction, Summary(input, people), Clean(input.Details));
        db.CheckCorrections.Add(correction);
        db.Audit(AuditActions.CorrectCheckAnswer, targetType: nameof(MultiAgencyCheck), targetId: check.Id.ToString(), subjects: people.Select(p => p.Person.PersonId), purpose: "Multi-agency check",
            detail: Truncate($"Reason: {why}. Before: {correction.PreviousPeople}. Now: {check.PeopleInWords(names)}", 2000));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return [];
    }

    /// <summary>Writes each person's answer and their items (tracked on the check's people, which the record guard loaded tracked).</summary>
    private void Apply(MultiAgencyCheck check, CheckAnswerInput input, IReadOnlyList<CheckPersonView> people)
    {
        var byPerson = input.People.Where(p => p.PersonId is not null).GroupBy(p => p.PersonId!.Value).ToDictionary(g => g.Key, g => g.First());
        foreach (var view in people)
        {
            var answer = byPerson[view.Person.PersonId];
            var person = check.People.Single(p => p.Id == view.Person.Id);
            person.Answer(answer.Held!.Value, person.AsAdult ? answer.DomesticAbuse : null);
            foreach (var item in answer.Items.Where(i => !string.IsNullOrWhiteSpace(i.Text)))
            {
                db.CheckItems.Add(new CheckItem { Id = Guid.NewGuid(), HubId = check.HubId, CheckId = check.Id, PersonId = person.PersonId, Text = item.Text!.Trim(), Restrictions = item.Restrictions });
            }

            if (person.AsAdult && answer.DomesticAbuse == true)
            {
                db.CheckItems.Add(new CheckItem
                {
                    Id = Guid.NewGuid(),
                    HubId = check.HubId,
                    CheckId = check.Id,
                    PersonId = person.PersonId,
                    Kind = CheckItemKind.DomesticAbuseHistory,
                    Text = answer.DomesticAbuseText!.Trim(),
                    Restrictions = answer.DomesticAbuseRestrictions,
                });
            }
        }
    }

    private static string Summary(CheckAnswerInput input, IReadOnlyList<CheckPersonView> people) =>
        Clean(input.Summary) ?? (people.Count == 1 ? $"Nothing held about {people[0].Name}." : "Nothing held about any of the people named.");

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Every check of a contact, each answer with only what the signed-in user may see.</summary>
    public async Task<IReadOnlyList<VisibleAnswer>> AnswersForAsync(Guid contactId, CancellationToken ct = default) =>
        await AnswersForAsync(contactId, await ViewerAsync(ct), ct);

    /// <summary>
    /// Every check of a contact as <paramref name="viewer"/> may see it: another agency's answer passes the sharing
    /// agreements for the viewer's agency and hub, asked for each person the check is about (the one enforcement
    /// point, each decision audited with that person), and each item the supplier's restrictions withhold from this
    /// viewer is counted, not shown. A refused answer carries no content, no count of items and no name of who answered;
    /// the summary and details, which may speak of anyone in the household, are shown only when every person's answer is.
    /// </summary>
    public async Task<IReadOnlyList<VisibleAnswer>> AnswersForAsync(Guid contactId, AnswerViewer viewer, CancellationToken ct = default)
    {
        var checks = await db.Checks.AsNoTracking().Include(c => c.Agency).Include(c => c.Items).Include(c => c.People).Include(c => c.Corrections)
            .Where(c => c.ContactId == contactId).ToListAsync(ct);
        var userIds = checks.Select(c => c.AnsweredByUserId).OfType<Guid>().Concat(checks.SelectMany(c => c.Corrections).Select(x => x.CorrectedByUserId)).Distinct().ToList();
        var users = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var subjects = await db.ContactSubjects.AsNoTracking().Where(s => s.ContactId == contactId).Select(s => s.PersonId).ToListAsync(ct);
        var personIds = checks.SelectMany(c => c.People).Select(p => p.PersonId).Distinct().ToList();
        var names = await db.Persons.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, ct);
        var answers = new List<VisibleAnswer>();
        foreach (var c in checks.OrderBy(c => c.Agency.Name))
        {
            var answeredBy = c.AnsweredByUserId is { } id ? users.GetValueOrDefault(id) : null;
            bool MayView(CheckItem i) => ItemRestrictionPolicy.MayView(i.Restrictions, new Sharing.AgencyId(c.AgencyId), viewer.Items).Visible;
            var current = c.Items.Where(i => i.IsCurrent).ToList();
            var own = c.AgencyId == viewer.AgencyId && c.HubId == viewer.HubId;
            var verdicts = new Dictionary<Guid, DataSharing.ShareVerdict>();
            if (c.Status == CheckStatus.Answered && !own)
            {
                // The one enforcement point: each person's answer passes the sharing agreements, and each decision is audited with that person.
                var request = new DataSharing.ShareRequest(c.AgencyId, c.Agency.Name, c.HubId, CategoryOf(c.Agency.Type), viewer.Purpose, nameof(MultiAgencyCheck), c.Id.ToString(), subjects);
                if (c.People.Count == 0)
                {
                    verdicts[Guid.Empty] = await gate.DecideAsync(request, viewer.AgencyId, viewer.HubId, ct);
                }

                foreach (var person in c.People.OrderBy(p => p.Position))
                {
                    verdicts[person.PersonId] = await gate.DecideAsync(request with { Subjects = [person.PersonId] }, viewer.AgencyId, viewer.HubId, ct);
                }
            }

            var people = c.People.OrderBy(p => p.Position).Select(p =>
            {
                var verdict = verdicts.GetValueOrDefault(p.PersonId);
                var about = current.Where(i => i.PersonId == p.PersonId).ToList();
                var name = names.GetValueOrDefault(p.PersonId, "A person");
                if (verdict is not null && !verdict.MaySeeContent)
                {
                    return new VisiblePerson(p.PersonId, name, p.AsAdult, verdict.MayKnowExists ? p.Held : null, null, [], 0, verdict.Outcome, verdict.WhyNot);
                }

                var shown = about.Where(MayView).ToList();
                return new VisiblePerson(p.PersonId, name, p.AsAdult, p.Held, p.DomesticAbuseHeld, shown, about.Count - shown.Count, SharingOutcome.Content, null);
            }).ToList();

            // The answer as a whole is shared as far as the least shared person's answer is.
            var least = verdicts.Values.OrderBy(v => v.Outcome).FirstOrDefault();
            if (least is not null && !least.MaySeeContent)
            {
                answers.Add(new VisibleAnswer(c, null, [], 0, least.Outcome, least.WhyNot) { People = people });
                continue;
            }

            var visible = current.Where(MayView).ToList();
            var corrections = c.Corrections.OrderBy(x => x.CorrectedAtUtc).Select(x =>
            {
                var before = c.Items.Where(i => i.SupersededByCorrectionId == x.Id).ToList();
                var seen = before.Where(MayView).ToList();
                return new VisibleCorrection(x, users.GetValueOrDefault(x.CorrectedByUserId), seen, before.Count - seen.Count);
            }).ToList();
            answers.Add(new VisibleAnswer(c, answeredBy, visible, current.Count - visible.Count) { People = people, Corrections = corrections });
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
