using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Shared;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Consent.Case;

/// <summary>
/// A screener confirms with the family the consent the referrer reported at intake ("reported by the referrer, not
/// confirmed"): who gave it and how it was confirmed. Until then checks below threshold do not rely on it. Audited.
/// </summary>
[AuditedAs(AuditActions.ConfirmConsent, Purpose = "Consent")]
public sealed class ConfirmModel(OpenMashDbContext db, ConsentService consent) : PageModel
{
    public Contact Contact { get; private set; } = null!;

    public IReadOnlyList<RecordedConsent> Reported { get; private set; } = [];

    public IReadOnlyList<(string Value, string Text)> People { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> AgencyNames { get; private set; } = new Dictionary<Guid, string>();

    [BindProperty]
    public List<Guid> PersonIds { get; set; } = [];

    [BindProperty]
    public ConsentGiver? GivenBy { get; set; }

    [BindProperty]
    public string? GiverName { get; set; }

    [BindProperty]
    public string? CompetenceNote { get; set; }

    [BindProperty]
    public string? Evidence { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        PersonIds = Reported.Select(r => r.PersonId).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();

        // Values that failed to bind (a tampered enum) are left out and caught by the rules as missing.
        ModelState.Clear();
        var errors = await consent.ConfirmReportedAsync(Contact, new ConfirmConsentInput
        {
            PersonIds = PersonIds,
            GivenBy = GivenBy,
            GiverName = GiverName,
            CompetenceNote = CompetenceNote,
            Evidence = Evidence,
        });
        if (errors.Count == 0)
        {
            this.Banner($"Consent confirmed for contact {Contact.Reference}.");
            return Redirect($"/Screening/{Contact.Id}#consent");
        }

        CaseDisplay.AddErrors(ModelState, errors);
        return Page();
    }

    private async Task LoadAsync()
    {
        var contact = HttpContext.Record<Contact>();
        Contact = contact;
        Reported = await consent.AwaitingConfirmationAsync(contact);
        var ids = Reported.Select(r => r.PersonId).ToList();
        People = (await db.Persons.Where(p => ids.Contains(p.Id)).OrderBy(p => p.DateOfBirth).ToListAsync())
            .Select(p => (p.Id.ToString(), $"{p.FullName}{(p.DateOfBirth is { } dob ? $", born {CaseDisplay.Date(dob)}" : "")}"))
            .ToList();
        AgencyNames = await db.Agencies.ToDictionaryAsync(a => a.Id, a => a.Name);
        db.Audit(AuditActions.ViewConsent, targetType: "Contact", targetId: contact.Id.ToString(), subjects: contact.Subjects.Select(s => s.PersonId), purpose: AuditActions.ConfirmConsent,
            detail: $"{Reported.Count} consent records reported by the referrer, not confirmed");
        await db.SaveChangesAsync();
    }
}
