using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Checks;
using OpenMash.Web.Features.Contacts;
using OpenMash.Web.Features.Duplicates;
using OpenMash.Web.Features.People;
using OpenMash.Web.Features.Shared;
using OpenMash.Web.Security;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Screening;

/// <summary>Screening one contact: the children's history first, then the screening, the checks and their answers.</summary>
[AuditedAs(AuditActions.ViewContact, Purpose = "Screening")]
public sealed class CaseModel(
    OpenMashDbContext db, ScreeningService screening, CheckService checks, ChaseService chaser, IntakeResolution resolution, OtherHubLookup otherHubs, IAuthorizationService authorization, TimeProvider time) : PageModel
{
    public Contact Contact { get; private set; } = null!;

    public ScreeningHistory History { get; private set; } = null!;

    /// <summary>Whether the hub already knows the contact's people: suggestions to decide, and links made at intake.</summary>
    public IReadOnlyList<ContactSuggestion> Known { get; private set; } = [];

    /// <summary>What other hubs hold about the contact's children, as far as the agreements allow.</summary>
    public OtherHubPanel? OtherHubs { get; private set; }

    /// <summary>The page's sections, in the order the sub-navigation lists them (each an anchor on this page).</summary>
    public static readonly IReadOnlyList<(string Href, string Text)> Sections =
    [
        ("#summary", "Summary"), ("#concern", "Concern"), ("#household", "Household"), ("#history", "History"), ("#screening", "Screening"),
        ("#consent", "Consent"), ("#checks", "Checks"), ("#decision", "Decision"), ("#case-notes", "Notes"),
    ];

    /// <summary>The contact's children as the summary shows them ("Ruby Demoford, 9 years old"), youngest last.</summary>
    public IReadOnlyList<string> ChildLabels { get; private set; } = [];

    /// <summary>The time left to the decision, or how late it is ("2 hours left", "overdue by 1 hour").</summary>
    public string TimeLeft { get; private set; } = string.Empty;

    /// <summary>How many other contacts about these children (and their siblings) the hub had in the last 12 months.</summary>
    public int EarlierContacts { get; private set; }

    /// <summary>The consent position in a few words, for the summary.</summary>
    public string ConsentSummary { get; private set; } = string.Empty;

    /// <summary>The unanswered checks the user may chase now (overdue, the agency has an e-mail address, the contact not decided).</summary>
    public IReadOnlySet<Guid> Chaseable { get; private set; } = new HashSet<Guid>();

    public ContactScreening? Existing { get; private set; }

    public string ThresholdGuidance { get; private set; } = string.Empty;

    public IReadOnlyList<VisibleAnswer> Answers { get; private set; } = [];

    public IReadOnlyList<(string Value, string Text)> Agencies { get; private set; } = [];

    public IReadOnlyList<ContactDecision> Decisions { get; private set; } = [];

    /// <summary>The referrer's feedback e-mail in words (queued, sent, or why it could not be sent); null before the decision.</summary>
    public string? FeedbackText { get; private set; }

    /// <summary>Whether the signed-in user may give the contact more time (the manager policy).</summary>
    public bool IsManager { get; private set; }

    /// <summary>The worker the contact is allocated to, by name; null while nobody has it.</summary>
    public string? AllocatedTo { get; private set; }

    /// <summary>Whether the feedback e-mail could not be sent, so the page shows it as a warning.</summary>
    public bool FeedbackFailed { get; private set; }

    /// <summary>Each unanswered check's chases in words, by check.</summary>
    public IReadOnlyDictionary<Guid, string> ChaseTexts { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>The contact's case notes, newest first.</summary>
    public IReadOnlyList<CaseNote> Notes { get; private set; } = [];

    [BindProperty]
    public RagRating? Rag { get; set; }

    [BindProperty]
    public ThresholdLevel? Threshold { get; set; }

    [BindProperty]
    public string? ThresholdRationale { get; set; }

    [BindProperty]
    public bool? ChildSpokenTo { get; set; }

    [BindProperty]
    public string? ChildViewsOrReason { get; set; }

    [BindProperty]
    public SafeguardingThreshold? ConsentView { get; set; }

    [BindProperty]
    public string? ConsentRationale { get; set; }

    [BindProperty]
    public Article6Basis? LawfulBasis { get; set; }

    [BindProperty]
    public OpenMash.Sharing.NotSoughtReason? WithoutConsentReason { get; set; }

    [BindProperty]
    public bool NoChecksNeeded { get; set; }

    [BindProperty]
    public List<Guid> AgencyIds { get; set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        ShowSavedScreening();

        return Page();
    }

    public async Task<IActionResult> OnPostScreenAsync()
    {
        var contact = HttpContext.Record<Contact>();
        var input = new ScreeningInput
        {
            Rag = Rag,
            Threshold = Threshold,
            ThresholdRationale = ThresholdRationale,
            ChildSpokenTo = ChildSpokenTo,
            ChildViewsOrReason = ChildViewsOrReason,
            ConsentView = ConsentView,
            ConsentRationale = ConsentRationale,
            NoChecksNeeded = NoChecksNeeded,
            LawfulBasis = LawfulBasis,
            WithoutConsentReason = WithoutConsentReason,
        };
        var errors = await screening.SaveAsync(contact, input);
        if (errors.Count == 0)
        {
            this.Banner(NoChecksNeeded
                ? $"Screening saved for contact {contact.Reference}. No partner checks are needed, so it is ready for a decision."
                : $"Screening saved for contact {contact.Reference}. The decision and partner checks are now due by its RAG rating.");
            return Redirect($"/Screening/{contact.Id}");
        }

        CaseDisplay.AddErrors(ModelState, errors);
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostChecksAsync()
    {
        var contact = HttpContext.Record<Contact>();
        var errors = await checks.RequestAsync(contact, AgencyIds.Distinct().ToList());
        if (errors.Count == 0)
        {
            var names = await db.Agencies.Where(a => AgencyIds.Contains(a.Id)).OrderBy(a => a.Name).Select(a => a.Name).ToListAsync();
            this.Banner($"Checks requested for contact {contact.Reference} from {CaseDisplay.AndList(names)}.");
            return Redirect($"/Screening/{contact.Id}#checks");
        }

        CaseDisplay.AddErrors(ModelState, errors);
        await LoadAsync();
        ShowSavedScreening();

        return Page();
    }

    /// <summary>Chases one overdue check by hand: an e-mail queued to the agency (sent by the outbox sender), counted, audited, on the timeline.</summary>
    public async Task<IActionResult> OnPostChaseAsync(Guid? checkId)
    {
        var contact = HttpContext.Record<Contact>();
        var outcome = await chaser.ChaseAsync(contact, checkId);
        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (outcome.Error is null)
        {
            this.Banner($"Chaser queued to {outcome.AgencyName} for contact {contact.Reference}. It is e-mailed to the agency; the timeline shows when it has gone.");
            return Redirect($"/Screening/{contact.Id}#checks");
        }

        ModelState.AddModelError(string.Empty, outcome.Error);
        await LoadAsync();
        ShowSavedScreening();
        return Page();
    }

    /// <summary>Fills the screening form from the saved screening, if there is one.</summary>
    private void ShowSavedScreening()
    {
        if (Existing is null)
        {
            return;
        }

        Rag = Existing.Rag;
        Threshold = Existing.Threshold;
        ThresholdRationale = Existing.ThresholdRationale;
        ChildSpokenTo = Existing.ChildSpokenTo;
        ChildViewsOrReason = Existing.ChildViewsOrReason;
        ConsentView = Existing.ConsentView;
        ConsentRationale = Existing.ConsentRationale;
        LawfulBasis = Existing.LawfulBasis;
        WithoutConsentReason = Existing.WithoutConsentReason;
    }

    private async Task LoadAsync()
    {
        var contact = HttpContext.Record<Contact>();
        var contactId = contact.Id;
        Contact = contact;
        History = await screening.HistoryAsync(contact);
        Known = await resolution.ForContactAsync(contactId);
        var childIds = contact.Subjects.Where(s => s.Role == SubjectRole.Child).Select(s => s.PersonId).ToList();
        var children = await db.Persons.AsNoTracking().Include(p => p.Addresses).Where(p => childIds.Contains(p.Id)).ToListAsync();
        var elsewhere = new List<OtherHubRecord>();
        foreach (var child in children)
        {
            elsewhere.AddRange(await otherHubs.ForPersonAsync(child));
        }

        IsManager = (await authorization.AuthorizeAsync(User, Policies.Manager)).Succeeded;
        AllocatedTo = contact.AllocatedToUserId is { } allocated ? await db.Users.Where(u => u.Id == allocated).Select(u => u.DisplayName).SingleOrDefaultAsync() : null;
        OtherHubs = elsewhere.Count == 0 ? null : new OtherHubPanel(
            elsewhere, null,
            (await authorization.AuthorizeAsync(User, Policies.BreakGlass)).Succeeded,
            IsManager,
            children.ToDictionary(c => c.Id, c => c.FullName));
        Existing = await db.Screenings.AsNoTracking().SingleOrDefaultAsync(s => s.ContactId == contactId);
        ThresholdGuidance = await db.HubSettings.Select(s => s.ThresholdGuidance).SingleOrDefaultAsync() ?? string.Empty;
        Answers = await checks.AnswersForAsync(contactId);
        var asked = Answers.Select(a => a.Check.AgencyId).ToHashSet();
        Agencies = (await db.RequestableAgencies().OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync())
            .Where(a => !asked.Contains(a.Id))
            .Select(a => (a.Id.ToString(), a.Name))
            .ToList();
        Decisions = await db.Decisions.AsNoTracking().Where(d => d.ContactId == contactId).OrderBy(d => d.ProposedAtUtc).ToListAsync();
        var feedback = await db.LatestAboutAsync(contactId, MessageKinds.ReferrerFeedback);
        FeedbackText = OutboxWords.Feedback(contact, feedback);
        FeedbackFailed = feedback?.State == DeliveryState.Failed;
        var chases = await db.Outbox.AsNoTracking().Where(o => o.ContactId == contactId && o.Kind == MessageKinds.CheckChase).ToListAsync();
        var now = time.GetUtcNow().UtcDateTime;
        Notes = await CaseNotes.ForContactAsync(db, contactId);
        Chaseable = Answers.Where(a => ChaseService.MayChase(a.Check, contact, now)).Select(a => a.Check.Id).ToHashSet();
        var today = CaseDisplay.UkToday(now);
        ChildLabels = children.OrderBy(p => p.DateOfBirth).Select(p => $"{p.FullName}, {CaseDisplay.Age(p.DateOfBirth, today)}").ToList();
        TimeLeft = CaseDisplay.TimeLeft(contact.DecisionDueUtc, now);
        EarlierContacts = History.Contacts.Count(h => !h.IsThisContact);
        ConsentSummary = await ConsentSummaryAsync(contact, now);
        ChaseTexts = Answers.Where(a => a.Check.Status != CheckStatus.Answered).ToDictionary(a => a.Check.Id, a => OutboxWords.Chases(a.Check, chases, now));
        db.Audit(AuditActions.ViewContact, targetType: "Contact", targetId: contactId.ToString(), subjects: contact.Subjects.Select(s => s.PersonId).Concat(History.PersonIds).Concat(Known.Select(k => k.Existing.Id)).Distinct(), purpose: "Screening");
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// The consent position in a few words: not needed above threshold; an override in force; else the newest consent
    /// recorded for the contact's people (as the consent section words it); else what the referrer said at intake.
    /// </summary>
    private async Task<string> ConsentSummaryAsync(Contact contact, DateTime now)
    {
        var people = contact.Subjects.Select(s => s.PersonId).ToList();
        var latest = (await db.Consents.AsNoTracking().Where(x => people.Contains(x.PersonId)).ToListAsync()).OrderByDescending(x => x.RecordedAtUtc).FirstOrDefault();
        var overrides = await db.ConsentOverrides.AsNoTracking().Where(o => o.ContactId == contact.Id).ToListAsync();
        var family = latest is null ? null : $"family's consent: {latest.StatusText().ToLowerInvariant()}";
        if (Existing is { } screened && screened.AllowsSharingWithoutConsent)
        {
            return "Not needed for checks: above threshold, sharing without consent is lawful" + (family is null ? "" : $" ({family})");
        }

        if (overrides.Any(o => o.IsInForce(now)))
        {
            return "Override in force: checks may go without consent" + (family is null ? "" : $" ({family})");
        }

        return latest is not null ? char.ToUpperInvariant(family![0]) + family[1..]
            : contact.FamilyConsented switch { true => "The referrer said the family agreed; not yet recorded", false => "The referrer said the family did not agree", _ => "Not recorded" };
    }
}
