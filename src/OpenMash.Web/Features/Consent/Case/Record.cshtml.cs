using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenMash.Sharing;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Shared;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Consent.Case;

/// <summary>Records consent given, refused, withdrawn or not sought, for people named in a contact. Append-only.</summary>
[AuditedAs(AuditActions.RecordConsent, Purpose = "Consent")]
public sealed class RecordModel(OpenMashDbContext db, ConsentService consent) : PageModel
{
    public Contact Contact { get; private set; } = null!;

    public IReadOnlyList<(string Value, string Text)> People { get; private set; } = [];

    public IReadOnlyList<(string Value, string Text)> Agencies { get; private set; } = [];

    [BindProperty]
    public List<Guid> PersonIds { get; set; } = [];

    [BindProperty]
    public ConsentStatus? Status { get; set; }

    [BindProperty]
    public ConsentGiver? GivenBy { get; set; }

    [BindProperty]
    public string? GiverName { get; set; }

    [BindProperty]
    public string? CompetenceNote { get; set; }

    [BindProperty]
    public List<AgencyType> AgencyTypes { get; set; } = [];

    [BindProperty]
    public List<Guid> AgencyIds { get; set; } = [];

    [BindProperty]
    public List<SharingPurpose> Purposes { get; set; } = [];

    [BindProperty]
    public DateParts DecidedOn { get; set; } = new();

    [BindProperty]
    public DateParts ExpiresOn { get; set; } = new();

    [BindProperty]
    public string? Evidence { get; set; }

    [BindProperty]
    public NotSoughtReason? NotSoughtReason { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        PersonIds = ConsentService.ConsentSubjects(Contact).ToList();
        Purposes = [SharingPurpose.SafeguardingScreening];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();

        // Values that failed to bind (a tampered enum) are left out and caught by the rules as missing.
        ModelState.Clear();
        var decided = DecidedOn.Parse(out var decidedValid);
        var expires = ExpiresOn.Parse(out var expiresValid);
        var errors = await consent.RecordConsentAsync(Contact, new ConsentInput
        {
            PersonIds = PersonIds,
            Status = Status,
            GivenBy = GivenBy,
            GiverName = GiverName,
            CompetenceNote = CompetenceNote,
            AgencyTypes = AgencyTypes,
            AgencyIds = AgencyIds,
            Purposes = Purposes,
            DecidedOn = decided,
            DecidedOnValid = decidedValid,
            ExpiresOn = expires,
            ExpiresOnValid = expiresValid,
            Evidence = Evidence,
            NotSoughtReason = NotSoughtReason,
        });
        if (errors.Count == 0)
        {
            this.Banner($"Consent recorded for contact {Contact.Reference}.");
            return Redirect($"/Screening/{Contact.Id}#consent");
        }

        CaseDisplay.AddErrors(ModelState, errors);
        return Page();
    }

    private async Task LoadAsync()
    {
        var contact = HttpContext.Record<Contact>();
        var contactId = contact.Id;
        Contact = contact;
        var ids = contact.Subjects.Select(s => s.PersonId).ToList();
        People = (await db.Persons.Where(p => ids.Contains(p.Id)).OrderBy(p => p.DateOfBirth).ToListAsync())
            .Select(p => (p.Id.ToString(), $"{p.FullName}{(p.DateOfBirth is { } dob ? $", born {CaseDisplay.Date(dob)}" : "")} ({contact.Subjects.First(s => s.PersonId == p.Id).Role.DisplayName()})"))
            .ToList();
        Agencies = await db.Agencies.Where(a => !a.IsDisabled && a.Hubs.Any(h => h.HubId == contact.HubId)).OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync() is var list
            ? list.Select(a => (a.Id.ToString(), a.Name)).ToList()
            : [];
        db.Audit(AuditActions.ViewContact, targetType: "Contact", targetId: contactId.ToString(), subjects: ids, purpose: AuditActions.RecordConsent);
        await db.SaveChangesAsync();
    }
}
