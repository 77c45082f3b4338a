using Microsoft.AspNetCore.Mvc;

namespace OpenMash.Web.Features.Contacts.New;

/// <summary>Step 7: whether the family knows and consented, and whether someone has spoken to the referrer.</summary>
public sealed class FamilyConsentModel(DraftStore drafts, TimeProvider time) : IntakeStepModel(drafts, time)
{
    public override string Step => IntakeSteps.Consent;

    [BindProperty]
    public string? FamilyAware { get; set; }

    [BindProperty]
    public string? FamilyConsented { get; set; }

    [BindProperty]
    public string? NoConsentReason { get; set; }

    [BindProperty]
    public string? ReferrerSpokenTo { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Form.FamilyAware = Clean(FamilyAware);
        Form.FamilyConsented = Clean(FamilyConsented);
        Form.NoConsentReason = Form.FamilyConsented == "no" ? Clean(NoConsentReason) : null;
        Form.ReferrerSpokenTo = Clean(ReferrerSpokenTo);
        return await SaveAndContinueAsync(ct);
    }
}
