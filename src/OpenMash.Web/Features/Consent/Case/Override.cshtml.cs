using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenMash.Web.Features.Shared;
using OpenMash.Web.Security;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Consent.Case;

/// <summary>
/// A practitioner with the separate consent override permission asks to share below threshold without consent.
/// Anyone else is refused (403) by the record guard and the attempt is audited.
/// </summary>
[AuditedAs(AuditActions.RequestConsentOverride, Purpose = "Consent")]
[AuthorizeRecord(Policies.ConsentOverride)]
public sealed class OverrideModel(ConsentOverrideService overrides) : PageModel
{
    public Contact Contact { get; private set; } = null!;

    public bool IsRed => Contact.Rag == RagRating.Red;

    [BindProperty]
    public string? Justification { get; set; }

    public void OnGet() => Contact = HttpContext.Record<Contact>();

    public async Task<IActionResult> OnPostAsync()
    {
        Contact = HttpContext.Record<Contact>();
        var errors = await overrides.RequestOverrideAsync(Contact, Justification);
        if (errors.Count == 0)
        {
            this.Banner($"Consent override recorded for contact {Contact.Reference}. A manager must approve it afterwards.");
            return Redirect($"/Screening/{Contact.Id}#consent");
        }

        CaseDisplay.AddErrors(ModelState, errors);
        return Page();
    }
}
