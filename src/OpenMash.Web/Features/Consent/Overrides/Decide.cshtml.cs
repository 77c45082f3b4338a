using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Shared;

namespace OpenMash.Web.Features.Consent.Overrides;

/// <summary>A MASH manager, never the requester, approves or rejects a consent override.</summary>
public sealed class DecideModel(OpenMashDbContext db, ConsentService consent, ConsentOverrideService overrides, TimeProvider time) : PageModel
{
    public ConsentOverrideRequest Override { get; private set; } = null!;

    public Contact Contact { get; private set; } = null!;

    public DateTime NowUtc { get; private set; }

    [BindProperty]
    public bool? Approve { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        ModelState.Clear();
        var errors = await overrides.DecideOverrideAsync(Override, Approve, Comment);
        if (errors.Count == 0)
        {
            return Redirect("/Consent/Overrides");
        }

        CaseDisplay.AddErrors(ModelState, errors);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        NowUtc = time.GetUtcNow().UtcDateTime;
        var request = await db.ConsentOverrides.SingleOrDefaultAsync(o => o.Id == id);
        var contact = request is null ? null : await db.Contacts.Include(c => c.Subjects).SingleOrDefaultAsync(c => c.Id == request.ContactId);
        if (request is null || contact is null)
        {
            await consent.RefuseAsync(AuditActions.ViewConsentOverride, nameof(ConsentOverrideRequest), id, "not an override of this hub");
            return false;
        }

        Override = request;
        Contact = contact;
        db.Audit(AuditActions.ViewConsentOverride, targetType: nameof(ConsentOverrideRequest), targetId: id.ToString(), subjects: contact.Subjects.Select(s => s.PersonId), purpose: "Approve consent overrides");
        await db.SaveChangesAsync();
        return true;
    }
}
