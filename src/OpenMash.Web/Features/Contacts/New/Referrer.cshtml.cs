using Microsoft.AspNetCore.Mvc;

namespace OpenMash.Web.Features.Contacts.New;

/// <summary>Step 2: who the referrer is and how to reach them.</summary>
public sealed class ReferrerModel(DraftStore drafts, TimeProvider time) : IntakeStepModel(drafts, time)
{
    public override string Step => IntakeSteps.Referrer;

    [BindProperty]
    public string? ReferrerName { get; set; }

    [BindProperty]
    public string? ReferrerRole { get; set; }

    [BindProperty]
    public string? ReferrerAgency { get; set; }

    [BindProperty]
    public string? ReferrerPhone { get; set; }

    [BindProperty]
    public string? ReferrerEmail { get; set; }

    [BindProperty]
    public string? ReferrerRelationship { get; set; }

    [BindProperty]
    public string? ReferralSource { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Form.ReferrerName = Clean(ReferrerName);
        Form.ReferrerRole = Clean(ReferrerRole);
        Form.ReferrerAgency = Clean(ReferrerAgency);
        Form.ReferrerPhone = Clean(ReferrerPhone);
        Form.ReferrerEmail = Clean(ReferrerEmail);
        Form.ReferrerRelationship = Clean(ReferrerRelationship);
        Form.ReferralSource = Clean(ReferralSource);
        return await SaveAndContinueAsync(ct);
    }
}
