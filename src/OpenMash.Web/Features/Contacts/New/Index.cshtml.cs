using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenMash.Web.Features.Contacts.New;

/// <summary>Start a new contact, or continue the draft left unfinished.</summary>
public sealed class IndexModel(DraftStore drafts, TimeProvider time) : PageModel
{
    public ContactForm? Draft { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Draft = await drafts.LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(string? command, CancellationToken ct)
    {
        if (command == "discard")
        {
            await drafts.DeleteAsync(ct);
        }

        return Redirect(IntakeSteps.Url(IntakeSteps.Received));
    }

    public string ContinueUrl(ContactForm draft)
    {
        if (draft.ReachedCheck)
        {
            return IntakeSteps.Url(IntakeSteps.Check);
        }

        // Resume at the first page with something missing or wrong.
        var errors = draft.Validate(time.GetUtcNow().UtcDateTime).Select(e => IntakeSteps.StepOf(e.Field)).ToHashSet(StringComparer.Ordinal);
        return IntakeSteps.Url(IntakeSteps.All.FirstOrDefault(errors.Contains) ?? IntakeSteps.Check);
    }
}
