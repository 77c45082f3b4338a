using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenMash.Sharing;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Consent;
using OpenMash.Web.Features.Shared;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.DataSharing.Case;

/// <summary>A screener records a decision to share, or not to share, outside the checks (a GP, a school).</summary>
[AuditedAs(AuditActions.RecordSharingDecision, Purpose = "Consent")]
public sealed class ShareModel(OpenMashDbContext db, SharingDecisionService decisions, ConsentService consent) : PageModel
{
    public Contact Contact { get; private set; } = null!;

    /// <summary>The agency disclosing: the signed-in practitioner's; its processing picks the condition.</summary>
    public Discloser Discloser { get; private set; } = null!;

    public IReadOnlyList<(string Value, string Text)> Agencies { get; private set; } = [];

    [BindProperty]
    public bool? Share { get; set; }

    [BindProperty]
    public Guid? RecipientAgencyId { get; set; }

    [BindProperty]
    public string? RecipientOrganisation { get; set; }

    [BindProperty]
    public string? RecipientPerson { get; set; }

    [BindProperty]
    public SharingPurpose? Purpose { get; set; }

    [BindProperty]
    public string? Items { get; set; }

    [BindProperty]
    public string? Reasons { get; set; }

    [BindProperty]
    public Article6Basis? Article6 { get; set; }

    [BindProperty]
    public LawfulBasis? Condition { get; set; }

    [BindProperty]
    public ConsentStatus? ConsentStatus { get; set; }

    [BindProperty]
    public NotSoughtReason? NotSoughtReason { get; set; }

    [BindProperty]
    public bool? FamilyTold { get; set; }

    [BindProperty]
    public string? FamilyNotToldReason { get; set; }

    [BindProperty]
    public bool? IdentitiesWithheld { get; set; }

    [BindProperty]
    public string? IdentitiesWithheldDetail { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();

        ModelState.Clear();
        var errors = await decisions.RecordSharingDecisionAsync(Contact, new DataSharing.SharingDecisionInput
        {
            Share = Share,
            RecipientAgencyId = RecipientAgencyId,
            RecipientOrganisation = RecipientOrganisation,
            RecipientPerson = RecipientPerson,
            Purpose = Purpose,
            Items = Items,
            Reasons = Reasons,
            Article6 = Article6,
            Condition = Condition,
            ConsentStatus = ConsentStatus,
            NotSoughtReason = NotSoughtReason,
            FamilyTold = FamilyTold,
            FamilyNotToldReason = FamilyNotToldReason,
            IdentitiesWithheld = IdentitiesWithheld,
            IdentitiesWithheldDetail = IdentitiesWithheldDetail,
        });
        if (errors.Count == 0)
        {
            this.Banner($"Sharing decision recorded for contact {Contact.Reference}.");
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
        Discloser = await consent.DiscloserAsync();
        var list = await db.Agencies.Where(a => !a.IsDisabled && a.Hubs.Any(h => h.HubId == contact.HubId)).OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync();
        Agencies = [(string.Empty, "Another organisation (enter it below)"), .. list.Select(a => (a.Id.ToString(), a.Name))];
        db.Audit(AuditActions.ViewContact, targetType: "Contact", targetId: contactId.ToString(), subjects: contact.Subjects.Select(s => s.PersonId), purpose: AuditActions.RecordSharingDecision);
        await db.SaveChangesAsync();
    }
}
