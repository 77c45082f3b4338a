using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Shared;
using OpenMash.Web.Security;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Consent.Overrides;

/// <summary>
/// A MASH manager, never the requester, approves or rejects a consent override. The requester may read it; their
/// own decision is refused (403) and audited by the record guard's policy.
/// </summary>
[AuditedAs(AuditActions.ViewConsentOverride, Purpose = "Consent")]
public sealed class DecideModel(OpenMashDbContext db, ConsentOverrideService overrides, TimeProvider time) : PageModel
{
    public ConsentOverrideRequest Override { get; private set; } = null!;

    public Contact Contact { get; private set; } = null!;

    public DateTime NowUtc { get; private set; }

    [BindProperty]
    public bool? Approve { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    [AuthorizeRecord(Policies.DecideConsentOverride, Action = AuditActions.DecideConsentOverride)]
    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();

        ModelState.Clear();
        var errors = await overrides.DecideOverrideAsync(Override, Approve, Comment);
        if (errors.Count == 0)
        {
            this.Banner(Approve == true ? $"Consent override for contact {Contact.Reference} approved." : $"Consent override for contact {Contact.Reference} not approved.");
            return Redirect("/Consent/Overrides");
        }

        CaseDisplay.AddErrors(ModelState, errors);
        return Page();
    }

    private async Task LoadAsync()
    {
        NowUtc = time.GetUtcNow().UtcDateTime;
        var request = HttpContext.Record<ConsentOverrideRequest>();
        var contact = await db.Contacts.Include(c => c.Subjects).SingleAsync(c => c.Id == request.ContactId);
        Override = request;
        Contact = contact;
        db.Audit(AuditActions.ViewConsentOverride, targetType: nameof(ConsentOverrideRequest), targetId: request.Id.ToString(), subjects: contact.Subjects.Select(s => s.PersonId), purpose: "Approve consent overrides");
        await db.SaveChangesAsync();
    }
}
