using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.EntityFrameworkCore;
using OpenMash.Sharing;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Checks;
using OpenMash.Web.Features.Consent;
using OpenMash.Web.Features.DataSharing;

namespace OpenMash.Web.Features.Access;

/// <summary>
/// Everything the hub holds about one person, for a subject access request, with third parties' details and items
/// their supplying agency withheld from the family (<see cref="ItemRestrictionPolicy.MayView"/> with
/// <see cref="Audience.FamilyOrSubjectAccess"/>) left out and listed. Output is one self-contained, accessible HTML
/// file (headings, tables with headers, no scripts or external files): screen readers read it, any browser prints it
/// to PDF, and nothing new is added to the build. The preview page shows the same HTML.
/// </summary>
public sealed class SubjectAccessExport(OpenMashDbContext db, SharingGate gate, TimeProvider time)
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>
    /// Every entity type that holds information about a person, and how the export covers it. A test fails when
    /// the model gains such a type that is not listed here.
    /// </summary>
    public static readonly IReadOnlyDictionary<Type, string> Coverage = new Dictionary<Type, string>
    {
        [typeof(Person)] = "Your details",
        [typeof(PersonAddress)] = "Addresses",
        [typeof(PersonRelationship)] = "Relationships (other people's names withheld)",
        [typeof(Involvement)] = "Services involved",
        [typeof(Contact)] = "Contacts about you (referrer identity withheld)",
        [typeof(ContactSubject)] = "Contacts about you (other people named withheld)",
        [typeof(ContactAttachment)] = "Contacts about you (attachments listed as withheld)",
        [typeof(ContactScreening)] = "Screening",
        [typeof(MultiAgencyCheck)] = "Information from partner agencies",
        [typeof(CheckItem)] = "Information from partner agencies (items restricted by the supplier withheld)",
        [typeof(ContactDecision)] = "Decisions",
        [typeof(StrategyDiscussion)] = "Strategy discussions",
        [typeof(OutboxMessage)] = "Messages to the referrer (withheld: third party correspondence)",
        [typeof(PersonMerge)] = "Record merges",
        [typeof(NotDuplicate)] = "Not included: a note that two records are different people (no information about you beyond the link)",
        [typeof(IdempotencyRecord)] = "Not included: an agency system's note that one request created a contact (the contact is included)",
        [typeof(ContactDraft)] = "Not included: unfinished drafts, never submitted, deleted when finished",
        [typeof(BreakGlassGrant)] = "Emergency access to your records",
        [typeof(AccessNotice)] = "Emergency access to your records (the notice repeats the grant)",
        [typeof(RecordedConsent)] = "Consent (the name of a parent or carer who answered withheld)",
        [typeof(ConsentOverrideRequest)] = "Sharing without consent (overrides)",
        [typeof(SharingDecisionRecord)] = "Decisions to share information or not (the recipient's name withheld)",
    };

    /// <summary>
    /// Who raised a concern, when it was a private individual: their relationship to the family and their request
    /// could identify them, so both are withheld (only organisations are named).
    /// </summary>
    public static bool IsIndividualSource(ReferralSource source) =>
        source is ReferralSource.FamilyRelativeCarer or ReferralSource.Acquaintance or ReferralSource.OtherIndividual or ReferralSource.Anonymous;

    /// <summary>
    /// Builds the document. Partner agencies' answers are asked of <see cref="SharingGate"/> for
    /// <see cref="SharingPurpose.SubjectAccess"/>; the gate's audit rows are written by the caller's SaveChangesAsync.
    /// </summary>
    public async Task<SarDocument?> BuildAsync(Guid personId, CancellationToken ct = default)
    {
        var person = await db.Persons.AsNoTracking().Include(p => p.Addresses).SingleOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null)
        {
            return null;
        }

        var sections = new List<SarSection>();
        var redactions = new List<SarRedaction>();
        var thirdParties = new SarThirdParties([person.GivenNames, person.FamilyName, person.OtherNames]);
        var agencyRows = await db.Agencies.AsNoTracking().Select(a => new { a.Id, a.Name, a.Type }).ToListAsync(ct);
        var agencies = agencyRows.ToDictionary(a => a.Id, a => a.Name);
        var agencyTypes = agencyRows.ToDictionary(a => a.Id, a => a.Type);

        sections.Add(new("Your details", [new(person.FullName, [
            new("Given names", person.GivenNames), new("Family name", person.FamilyName), new("Other names", person.OtherNames ?? "None recorded"),
            new("Date of birth", PersonDisplay.Birth(person.DateOfBirth, person.DateOfBirthIsEstimated, person.ExpectedDeliveryDate)),
            new("Sex", PersonDisplay.SexName(person.Sex)), new("Ethnicity", person.EthnicityCode ?? "Not recorded"),
            new("NHS number", PersonDisplay.NhsNumber(person.NhsNumber)), new("Unique pupil number", person.Upn ?? "Not known"),
            new("Phone", person.Phone ?? "Not known"), new("E-mail", person.Email ?? "Not known"), new("Record created", Time(person.CreatedAtUtc))])]));

        sections.Add(new("Addresses", person.Addresses.OrderByDescending(a => a.From).Select(a => new SarEntry(
            string.Join(", ", new[] { a.Line1, a.Line2, a.Town, a.Postcode }.Where(x => !string.IsNullOrWhiteSpace(x))),
            [new("From", PersonDisplay.Date(a.From)), new("To", a.To is null ? "Current" : PersonDisplay.Date(a.To))])).ToList()));

        var relationships = await db.PersonRelationships.AsNoTracking().Where(r => r.PersonId == personId || r.RelatedPersonId == personId).ToListAsync(ct);
        var relatedIds = relationships.Select(r => r.PersonId == personId ? r.RelatedPersonId : r.PersonId).ToList();
        foreach (var related in await db.Persons.AsNoTracking().Where(p => relatedIds.Contains(p.Id)).Select(p => new { p.GivenNames, p.FamilyName, p.OtherNames }).ToListAsync(ct))
        {
            thirdParties.Add($"{related.GivenNames} {related.FamilyName}", "a related person");
            thirdParties.Add(related.OtherNames, "a related person");
        }

        sections.Add(new("Relationships", relationships.Select(r =>
        {
            var description = r.PersonId == personId
                ? $"{PersonDisplay.Relationship(r.Type)} of yours"
                : $"You are their {PersonDisplay.Relationship(r.Type).ToLowerInvariant()}";
            redactions.Add(new("Third party: a related person's name and details", "Relationships: " + description, "Information about another person"));
            return new SarEntry(description, [new("Name", "Withheld (third party)")]);
        }).ToList()));

        var involvements = await db.Involvements.AsNoTracking().Where(i => i.PersonId == personId).OrderBy(i => i.OpenedOn).ToListAsync(ct);
        sections.Add(new("Services involved", involvements.Select(i => new SarEntry(
            i.Service == InvolvementService.SocialCare ? "Social care" : "Early help",
            [new("Team", i.Team), new("Worker", i.Worker ?? "Not recorded"), new("Opened", PersonDisplay.Date(i.OpenedOn)), new("Closed", i.ClosedOn is null ? "Still open" : PersonDisplay.Date(i.ClosedOn))])).ToList()));

        var contactIds = await db.ContactSubjects.AsNoTracking().Where(s => s.PersonId == personId).Select(s => s.ContactId).ToListAsync(ct);
        var contacts = await db.Contacts.AsNoTracking().Include(c => c.Subjects).Include(c => c.Attachments)
            .Where(c => contactIds.Contains(c.Id)).OrderBy(c => c.ReceivedAtUtc).ToListAsync(ct);
        var otherSubjectIds = contacts.SelectMany(c => c.Subjects).Select(s => s.PersonId).Where(id => id != personId).Distinct().ToList();
        foreach (var other in await db.Persons.AsNoTracking().Where(p => otherSubjectIds.Contains(p.Id)).Select(p => new { p.GivenNames, p.FamilyName, p.OtherNames, p.Email, p.Phone }).ToListAsync(ct))
        {
            thirdParties.Add($"{other.GivenNames} {other.FamilyName}", "another person named in the contact");
            thirdParties.Add(other.OtherNames, "another person named in the contact");
            thirdParties.AddContactDetail(other.Email, "another person's e-mail address");
            thirdParties.AddContactDetail(other.Phone, "another person's phone number");
        }

        var contactEntries = new List<SarEntry>();
        foreach (var c in contacts)
        {
            thirdParties.Add(c.ReferrerName, "the person who raised the concern");
            thirdParties.AddContactDetail(c.ReferrerEmail, "the e-mail address of the person who raised the concern");
            thirdParties.AddContactDetail(c.ReferrerPhone, "the phone number of the person who raised the concern");
            var role = c.Subjects.Single(s => s.PersonId == personId).Role;
            var where = $"Contact {c.Reference}";
            redactions.Add(new("Third party: referrer identity", where, "The name, role, organisation and contact details of the person who raised the concern"));
            var individual = IsIndividualSource(c.ReferralSource);
            if (individual)
            {
                redactions.Add(new("Third party: who raised the concern (a private individual) and what they asked for", where, "Could identify the person who raised the concern"));
            }

            var aboutAChild = role == SubjectRole.Child;
            if (!aboutAChild)
            {
                redactions.Add(new("Third party: the child's views and additional needs", where, "Information about another person (you are named as " + role.DisplayName().ToLowerInvariant() + ")"));
            }
            foreach (var other in c.Subjects.Where(s => s.PersonId != personId))
            {
                redactions.Add(new($"Third party: another person named in the contact ({other.Role.DisplayName().ToLowerInvariant()})", where, "Information about another person"));
            }

            foreach (var a in c.Attachments)
            {
                redactions.Add(new($"Attachment ({a.ContentType}, {a.SizeBytes} bytes)", where, "Attached documents are reviewed for third-party information and released separately"));
            }

            contactEntries.Add(new(where, [
                new("Received", Time(c.ReceivedAtUtc)), new("How", c.Channel.DisplayName()), new("You are named as", role.DisplayName().ToLowerInvariant()),
                new("Who raised it", individual ? "Withheld" : c.ReferralSource.DisplayName() + " (identity withheld)"),
                new("Concerns", string.Join(", ", c.ConcernCategories.Select(x => x.DisplayName()))),
                new("What happened", c.WhatHappened), new("What the referrer asked for", individual ? "Withheld" : c.ReferrerRequest ?? "Not recorded"),
                new("The child's views", aboutAChild ? c.ChildsVoice ?? "Not recorded" : "Withheld (third party)"),
                new("Additional needs", aboutAChild ? c.AdditionalNeeds ?? "Not recorded" : "Withheld (third party)"),
                new("Family aware", YesNo(c.FamilyAware)), new("Family consented", YesNo(c.FamilyConsented)), new("Why no consent", c.NoConsentReason ?? "Not recorded"),
                new("Stage", c.State.DisplayName()), new("Attachments", c.Attachments.Count == 0 ? "None" : $"{c.Attachments.Count} (withheld, see the list of withheld information)")]));
        }

        sections.Add(new("Contacts about you", contactEntries));
        var reference = contacts.ToDictionary(c => c.Id, c => c.Reference);
        var childIn = contacts.ToDictionary(c => c.Id, c => c.Subjects.Single(s => s.PersonId == personId).Role == SubjectRole.Child);

        var screenings = await db.Screenings.AsNoTracking().Where(s => contactIds.Contains(s.ContactId)).ToListAsync(ct);
        sections.Add(new("Screening", screenings.Select(s =>
        {
            var heading = $"Screening of contact {reference[s.ContactId]}";
            if (!childIn[s.ContactId])
            {
                redactions.Add(new("Third party: the child's views, or why they were not sought", heading, "Information about another person"));
            }

            return new SarEntry(heading, [
                new("Screened", Time(s.ScreenedAtUtc)), new("Urgency", s.Rag.DisplayName()), new("Threshold", s.Threshold.DisplayName()),
                new("Why", s.ThresholdRationale), new("Child spoken to", s.ChildSpokenTo ? "Yes" : "No"),
                new("Child's views, or why not sought", childIn[s.ContactId] ? s.ChildViewsOrReason : "Withheld (third party)"),
                new("Consent", s.ConsentView == SafeguardingThreshold.AboveThreshold ? "Risk of harm: information may be shared without consent" : "Below the threshold: consent needed to share"), new("Consent reasoning", s.ConsentRationale),
                new("Lawful basis", s.LawfulBasis?.DisplayName() ?? "Not recorded"),
                new("Why shared without consent", s.WithoutConsentReason?.DisplayName() ?? "Not applicable")]);
        }).ToList()));

        var checks = await db.Checks.AsNoTracking().Include(c => c.Items).Where(c => contactIds.Contains(c.ContactId)).OrderBy(c => c.RequestedAtUtc).ToListAsync(ct);
        var checkEntries = new List<SarEntry>();
        var subjectViewer = new ItemViewer(ViewerRole.DataSubject, new AgencyId(Guid.Empty), AgencyType.Other, Audience.FamilyOrSubjectAccess);
        foreach (var check in checks)
        {
            var agency = agencies.GetValueOrDefault(check.AgencyId) ?? "a partner agency";
            var where = $"Information from {agency} for contact {reference[check.ContactId]}";
            var fields = new List<SarField> { new("Asked", Time(check.RequestedAtUtc)), new("Answered", check.AnsweredAtUtc is { } at ? Time(at) : "Not yet") };
            if (check.AgencyId != db.Actor.AgencyId)
            {
                // The partner agency's answer is theirs to release: only an agreement for subject access lets this hub include it.
                var verdict = await gate.DecideAsync(
                    new ShareRequest(check.AgencyId, agency, check.HubId, CheckService.CategoryOf(agencyTypes.GetValueOrDefault(check.AgencyId, AgencyType.Other)),
                        SharingPurpose.SubjectAccess, nameof(MultiAgencyCheck), check.Id.ToString(), [personId]),
                    ct: ct);
                if (!verdict.MaySeeContent)
                {
                    fields.Add(new("What they said", $"Withheld: {agency} has not agreed to release it in a subject access response"));
                    redactions.Add(new($"Information from {agency}", where, $"Withheld — {verdict.WhyNot}"));
                    checkEntries.Add(new(where, fields));
                    continue;
                }
            }

            fields.AddRange([new("Known to them", YesNo(check.Known)), new("Summary", check.Summary ?? "None"), new("Details", check.Details ?? "None")]);
            var n = 0;
            foreach (var item in check.Items)
            {
                n++;
                var decision = ItemRestrictionPolicy.MayView(item.Restrictions, new AgencyId(check.AgencyId), subjectViewer);
                if (decision.Visible)
                {
                    fields.Add(new($"Item {n}", item.Text));
                }
                else
                {
                    fields.Add(new($"Item {n}", "Withheld by " + agency));
                    redactions.Add(new($"Item {n} supplied by {agency}", where, $"Withheld by {agency}: {decision.BlockedBy.DisplayName()}"));
                }
            }

            checkEntries.Add(new(where, fields));
        }

        sections.Add(new("Information from partner agencies", checkEntries));

        var decisions = await db.Decisions.AsNoTracking().Where(d => contactIds.Contains(d.ContactId)).OrderBy(d => d.ProposedAtUtc).ToListAsync(ct);
        sections.Add(new("Decisions", decisions.Select(d => new SarEntry($"Decision on contact {reference[d.ContactId]}", [
            new("Outcome", d.Outcome.DisplayName()), new("Status", d.Status.DisplayName()), new("Proposed", Time(d.ProposedAtUtc)),
            new("Decided", d.DecidedAtUtc is { } at ? Time(at) : "Not yet"), new("Reasons", d.Rationale), new("Team", d.Team ?? "None"),
            new("Primary need", d.PrimaryNeed.DisplayName()), new("Manager's comment", d.ManagerComment ?? "None"),
            new("Quality check note", d.DipSampleNote ?? "None")])).ToList()));

        var strategies = await db.StrategyDiscussions.AsNoTracking().Where(s => contactIds.Contains(s.ContactId)).ToListAsync(ct);
        sections.Add(new("Strategy discussions", strategies.Select(s => new SarEntry($"Strategy discussion on contact {reference[s.ContactId]}", [
            new("Held", s.Held ? "Yes" : "No"), new("When", s.HeldAtUtc is { } at ? Time(at) : "Not held"),
            new("Section 47 enquiry agreed", YesNo(s.SectionFortySevenAgreed)), new("Why not held", s.NotHeldReason ?? "Not applicable")])).ToList()));

        var consents = await db.Consents.AsNoTracking().Where(c => c.PersonId == personId).OrderBy(c => c.RecordedAtUtc).ToListAsync(ct);
        var consentEntries = new List<SarEntry>();
        foreach (var c in consents)
        {
            var heading = $"Consent {c.Status.DisplayName().ToLowerInvariant()}, recorded {Time(c.RecordedAtUtc)}";
            var byYou = c.GivenBy == ConsentGiver.YoungPerson;
            if (!byYou)
            {
                thirdParties.Add(c.GiverName, "the " + (c.GivenBy?.DisplayName() ?? "person") + " who answered");
            }

            if (!byYou && !string.IsNullOrWhiteSpace(c.GiverName))
            {
                redactions.Add(new("Third party: the name of the parent or carer who answered", "Consent: " + heading, "Information about another person"));
            }

            consentEntries.Add(new(heading, [
                new("Answer", c.Status.DisplayName()),
                new("Given or refused by", c.GivenBy is { } giver ? giver.DisplayName() + (byYou ? string.Empty : " (name withheld)") : "Not recorded"),
                new("Competence note", c.CompetenceNote ?? "Not recorded"),
                new("Covers", ConsentDisplay.Scope(c, agencies)),
                new("Date", ConsentNames.Date(c.DecidedOn)), new("Expires", c.ExpiresOn is null ? "No expiry" : ConsentNames.Date(c.ExpiresOn)),
                new("Evidence", c.Evidence), new("Why consent was not sought", c.NotSoughtReason?.DisplayName() ?? "Not applicable")]));
        }

        sections.Add(new("Consent", consentEntries));

        var overrides = await db.ConsentOverrides.AsNoTracking().Where(o => contactIds.Contains(o.ContactId)).OrderBy(o => o.RequestedAtUtc).ToListAsync(ct);
        sections.Add(new("Sharing without consent (overrides)", overrides.Select(o => new SarEntry($"Override for contact {reference[o.ContactId]}", [
            new("Asked for", Time(o.RequestedAtUtc)), new("Why", Withheld(o.Justification, redactions, "Sharing without consent: override for contact " + reference[o.ContactId], "The practitioner's reasons for sharing without consent")), new("Status", o.StatusText(time.GetUtcNow().UtcDateTime)),
            new("Took effect at once", o.TakesEffectAtOnce ? "Yes (urgent), approval due " + (o.ApprovalDueUtc is { } due ? Time(due) : "not set") : "No, only once approved"),
            new("Decided", o.DecidedAtUtc is { } at ? Time(at) : "Not yet"), new("Manager's comment", o.DecisionComment ?? "None")])).ToList()));

        var shares = await db.SharingDecisions.AsNoTracking().Where(d => contactIds.Contains(d.ContactId)).OrderBy(d => d.DecidedAtUtc).ToListAsync(ct);
        var shareEntries = new List<SarEntry>();
        foreach (var d in shares)
        {
            var heading = $"{(d.Share ? "Decision to share" : "Decision not to share")} with {d.RecipientOrganisation}, {Time(d.DecidedAtUtc)}";
            thirdParties.Add(d.RecipientPerson, "the person at the receiving organisation");
            if (!string.IsNullOrWhiteSpace(d.RecipientPerson))
            {
                redactions.Add(new("Third party: the name of the person at the receiving organisation", "Sharing decisions: " + heading, "Information about another person"));
            }

            shareEntries.Add(new(heading, [
                new("Contact", reference[d.ContactId]), new("Shared", d.Share ? "Yes" : "No"), new("Reasons", d.Reasons), new("What", d.Items),
                new("To", d.RecipientOrganisation + (string.IsNullOrWhiteSpace(d.RecipientPerson) ? string.Empty : " (person's name withheld)")),
                new("Purpose", d.Purpose.DisplayName()), new("Lawful basis", d.Article6?.DisplayName() ?? "Not recorded"),
                new("Condition", d.Condition.DisplayName()), new("Consent", d.ConsentStatus.DisplayName()),
                new("Why consent was not sought", d.NotSoughtReason?.DisplayName() ?? "Not applicable"),
                new("Shared without consent by an approved override", d.ConsentOverrideId is null ? "No" : "Yes"),
                new("Family told", d.FamilyTold ? "Yes" : "No"),
                new("Why the family was not told", d.FamilyTold ? "Not applicable" : Withheld(d.FamilyNotToldReason, redactions, "Sharing decisions: " + heading, "Why the family was not told")),
                new("Identities withheld from the recipient", string.IsNullOrWhiteSpace(d.IdentitiesWithheld) ? "No"
                    : "Yes (whose: " + Withheld(d.IdentitiesWithheld, redactions, "Sharing decisions: " + heading, "Whose identities were kept from the recipient").ToLowerInvariant() + ")")]));
        }

        sections.Add(new("Decisions to share information or not", shareEntries));

        var messages = await db.Outbox.AsNoTracking().Where(o => o.ContactId != null && contactIds.Contains(o.ContactId.Value)).ToListAsync(ct);
        foreach (var m in messages)
        {
            redactions.Add(new("Third party: message to the referrer", $"Contact {reference[m.ContactId!.Value]}", "Correspondence with the person who raised the concern"));
        }

        var merges = await db.PersonMerges.AsNoTracking().Where(m => m.SurvivorId == personId || m.MergedId == personId).ToListAsync(ct);
        sections.Add(new("Record merges", merges.Select(m => new SarEntry($"Duplicate record merged {Time(m.MergedAtUtc)}", [
            new("Why", m.Reason), new("Undone", m.UnmergedAtUtc is { } at ? Time(at) : "No")])).ToList()));

        var grants = await db.Set<BreakGlassGrant>().AsNoTracking().Where(g => g.PersonId == personId).OrderBy(g => g.GrantedAtUtc).ToListAsync(ct);
        var matched = personId.ToString();
        grants.AddRange(await db.Set<BreakGlassGrant>().AsNoTracking().Where(g => g.MatchedPersonIds != null && g.MatchedPersonIds.Contains(matched)).ToListAsync(ct));
        var hubs = await db.Hubs.AsNoTracking().ToDictionaryAsync(h => h.Id, h => h.Name, ct);
        sections.Add(new("Emergency access to your records", grants.Select(g =>
        {
            var heading = $"Emergency access {Time(g.GrantedAtUtc)}";
            redactions.Add(new("The requesting practitioner's explanation", "Emergency access to your records: " + heading,
                "Free text written by the requesting hub's staff, which may name other people; the reason, dates and hub are given"));
            return new SarEntry(heading, [
                new("Reason", g.Reason.DisplayName()), new("Explanation", "Recorded, withheld"), new("Until", Time(g.ExpiresAtUtc)),
                new("Asked for by", hubs.GetValueOrDefault(g.HubId) ?? "Unknown")]);
        }).ToList()));

        // Disclosures outside the hub (DPA 2018 s62 style): when another hub's staff read this record, why, and which organisation.
        var key = personId.ToString();
        var disclosures = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == AuditActions.ViewOtherHubPerson && e.TargetId == key).OrderBy(e => e.Sequence).Take(500).ToListAsync(ct);
        sections.Add(new("Your information read by the other hub", disclosures.Select(d => new SarEntry($"Read {Time(d.OccurredAtUtc)}", [
            new("By", (d.AgencyId is { } a ? agencies.GetValueOrDefault(a) : null) ?? "Unknown organisation"),
            new("Hub", (d.HubId is { } h ? hubs.GetValueOrDefault(h) : null) ?? "Unknown"),
            new("Why", d.Purpose == "break-glass" ? "Emergency (break-glass) access" : "Under a data sharing agreement, for safeguarding screening")])).ToList()));

        var hubName = hubs[person.HubId];
        // Last, over every section: other people's names wherever they appear in the text, typed or derived.
        var scrubbed = thirdParties.Scrub(sections, redactions);
        return new SarDocument(personId, person.FullName, hubName, time.GetUtcNow().UtcDateTime, db.Actor.UserName ?? "unknown", scrubbed, redactions);
    }

    /// <summary>The document's body content (sections and the list of withheld information), HTML-encoded.</summary>
    public static string RenderBody(SarDocument doc)
    {
        var e = HtmlEncoder.Default;
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<h1 class=\"govuk-heading-l\">Information held about {e.Encode(doc.PersonName)}</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"govuk-body\">Held by {e.Encode(doc.HubName)}. Prepared {e.Encode(Time(doc.PreparedAtUtc))} for a subject access request. ");
        html.Append("Information about other people, and information a partner agency has said must not be given to the family, is left out; ");
        html.Append("what was left out and why is listed at the end.</p>");
        foreach (var section in doc.Sections)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2 class=\"govuk-heading-m\">{e.Encode(section.Title)}</h2>");
            if (section.Entries.Count == 0)
            {
                html.Append("<p class=\"govuk-body\">None held.</p>");
            }

            foreach (var entry in section.Entries)
            {
                html.Append(CultureInfo.InvariantCulture, $"<h3 class=\"govuk-heading-s\">{e.Encode(entry.Heading)}</h3><table class=\"govuk-table\"><tbody class=\"govuk-table__body\">");
                foreach (var f in entry.Fields)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">{e.Encode(f.Label)}</th><td class=\"govuk-table__cell\">{e.Encode(f.Value)}</td></tr>");
                }

                html.Append("</tbody></table>");
            }
        }

        html.Append(CultureInfo.InvariantCulture, $"<h2 class=\"govuk-heading-m\" id=\"withheld\">Information withheld ({doc.Redactions.Count})</h2>");
        if (doc.Redactions.Count == 0)
        {
            html.Append("<p class=\"govuk-body\">Nothing was withheld.</p>");
        }
        else
        {
            html.Append("<table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-table__caption--s\">What was left out of this document and why</caption><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><th scope=\"col\" class=\"govuk-table__header\">What</th><th scope=\"col\" class=\"govuk-table__header\">Where</th><th scope=\"col\" class=\"govuk-table__header\">Why</th></tr></thead><tbody class=\"govuk-table__body\">");
            foreach (var r in doc.Redactions)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr class=\"govuk-table__row\" data-redaction><td class=\"govuk-table__cell\">{e.Encode(r.Kind)}</td><td class=\"govuk-table__cell\">{e.Encode(r.Where)}</td><td class=\"govuk-table__cell\">{e.Encode(r.Why)}</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        return html.ToString();
    }

    /// <summary>The downloadable file: one HTML document with its styles inline and nothing to fetch.</summary>
    public static string RenderDocument(SarDocument doc) =>
        "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
        $"<title>Information held about {HtmlEncoder.Default.Encode(doc.PersonName)}</title><style>" +
        "body{font-family:Arial,sans-serif;font-size:1rem;line-height:1.4;color:#0b0c0c;max-width:60rem;margin:1rem auto;padding:0 1rem}" +
        "h1{font-size:2rem}h2{font-size:1.5rem;margin-top:2rem;border-top:2px solid #0b0c0c;padding-top:.5rem}h3{font-size:1.15rem}" +
        "table{border-collapse:collapse;width:100%;margin-bottom:1rem}th,td{text-align:left;vertical-align:top;border-bottom:1px solid #b1b4b6;padding:.4rem}" +
        "th{width:30%}caption{text-align:left;font-weight:bold;padding:.4rem 0}@media print{h2{break-before:auto}}" +
        "</style></head><body><main>" + RenderBody(doc) + "</main></body></html>";

    private static string Time(DateTime utc) => utc.ToString("d MMMM yyyy HH:mm", Uk) + " UTC";

    /// <summary>Protective free text: says only whether it was recorded, and lists it as withheld when it was.</summary>
    private static string Withheld(string? text, List<SarRedaction> redactions, string where, string what)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "Not recorded";
        }

        redactions.Add(new(what, where, "Free text that may identify or endanger another person; the IG officer reviews it before any release"));
        return "Recorded, withheld";
    }

    private static string YesNo(bool? value) => value switch { true => "Yes", false => "No", _ => "Not recorded" };


}
