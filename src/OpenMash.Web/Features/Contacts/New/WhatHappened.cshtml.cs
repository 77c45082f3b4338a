using Microsoft.AspNetCore.Mvc;

namespace OpenMash.Web.Features.Contacts.New;

/// <summary>Step 6: what happened, what the referrer asks for, the child's own words and additional needs.</summary>
public sealed class WhatHappenedModel(DraftStore drafts, TimeProvider time) : IntakeStepModel(drafts, time)
{
    public override string Step => IntakeSteps.Details;

    [BindProperty]
    public string? WhatHappened { get; set; }

    [BindProperty]
    public string? ReferrerRequest { get; set; }

    [BindProperty]
    public string? ChildsVoice { get; set; }

    [BindProperty]
    public string? AdditionalNeeds { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Form.WhatHappened = Clean(WhatHappened);
        Form.ReferrerRequest = Clean(ReferrerRequest);
        Form.ChildsVoice = Clean(ChildsVoice);
        Form.AdditionalNeeds = Clean(AdditionalNeeds);
        return await SaveAndContinueAsync(ct);
    }
}
