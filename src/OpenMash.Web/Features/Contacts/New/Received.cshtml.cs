using Microsoft.AspNetCore.Mvc;

namespace OpenMash.Web.Features.Contacts.New;

/// <summary>Step 1: how and when the contact was received (a new draft starts here, received now).</summary>
public sealed class ReceivedModel(DraftStore drafts, TimeProvider time) : IntakeStepModel(drafts, time)
{
    public override string Step => IntakeSteps.Received;

    [BindProperty]
    public string? Channel { get; set; }

    [BindProperty]
    public string? ReceivedTime { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Form.Channel = Clean(Channel);
        Form.ReceivedDate = Shared.DateParts.Read(Request.Form, nameof(ContactForm.ReceivedDate));
        Form.ReceivedTime = Clean(ReceivedTime);
        return await SaveAndContinueAsync(ct);
    }
}
