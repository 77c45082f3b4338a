using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Shared;

namespace OpenMash.Web.Features.Consent.Case;

/// <summary>
/// A practitioner with the separate consent override permission asks to share below threshold without consent.
/// Anyone else is refused (403) and the attempt is audited.
/// </summary>
public sealed class OverrideModel(OpenMashDbContext db, ConsentService consent, ConsentOverrideService overrides) : PageModel
{
    public Contact Contact { get; private set; } = null!;

    public bool IsRed => Contact.Rag == RagRating.Red;

    [BindProperty]
    public string? Justification { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid contactId) => await GuardAsync(contactId) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid contactId)
    {
        if (await GuardAsync(contactId) is { } refused)
        {
            return refused;
        }

        var errors = await overrides.RequestOverrideAsync(Contact, Justification);
        if (errors.Count == 0)
        {
            return Redirect($"/Screening/{contactId}#consent");
        }

        CaseDisplay.AddErrors(ModelState, errors);
        return Page();
    }

    private async Task<IActionResult?> GuardAsync(Guid contactId)
    {
        if (!ConsentService.HasRole(db.Actor, Security.Roles.ConsentOverride))
        {
            await consent.RefuseAsync(AuditActions.RequestConsentOverride, "Contact", contactId, "the user does not hold the consent override permission");
            return Forbid();
        }

        var contact = await db.Contacts.Include(c => c.Subjects).SingleOrDefaultAsync(c => c.Id == contactId);
        if (contact is null)
        {
            await consent.RefuseAsync(AuditActions.RequestConsentOverride, "Contact", contactId, "not a contact of this hub");
            return NotFound();
        }

        Contact = contact;
        return null;
    }
}
