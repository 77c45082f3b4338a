using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenMash.Web.Features.Contacts.New;

/// <summary>
/// One page of the staff intake flow, over the typed draft <see cref="ContactForm"/>. Before every handler the
/// signed-in user's own draft is loaded (the <see cref="DraftStore"/> only finds the user's own); without one, the
/// first step starts a new draft and any later step sends the user to the start page. Every post saves the draft
/// before anything else, so a time-out loses nothing, then shows the step's own problems or goes on.
/// </summary>
public abstract class IntakeStepModel(DraftStore drafts, TimeProvider time) : PageModel
{
    public ContactForm Form { get; private set; } = new();

    /// <summary>This step's name, as in its address (<see cref="IntakeSteps"/>).</summary>
    public abstract string Step { get; }

    public int StepNumber => IntakeSteps.Number(Step);

    /// <summary>The back link: the step before, or the start page from the first step.</summary>
    public virtual string BackUrl => IntakeSteps.Previous(Step) is { } previous ? IntakeSteps.Url(previous) : "/Contacts/New";

    /// <summary>Where a step goes on to: the next step, or back to the check page once it has been reached.</summary>
    public string NextUrl => IntakeSteps.Url(Form.ReachedCheck ? IntakeSteps.Check : IntakeSteps.Next(Step));

    protected DateTime Now => time.GetUtcNow().UtcDateTime;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var ct = HttpContext.RequestAborted;
        var form = await drafts.LoadAsync(ct);
        if (form is null)
        {
            if (Step != IntakeSteps.Received)
            {
                context.Result = Redirect("/Contacts/New");
                return;
            }

            form = new ContactForm();
            form.SetReceivedNow(Now);
        }

        Form = form;
        if (await OnDraftLoadedAsync(ct) is { } result)
        {
            context.Result = result;
            return;
        }

        await next();
    }

    /// <summary>A step's own check of the loaded draft (a person that is not in it, for example); null to go on.</summary>
    protected virtual Task<IActionResult?> OnDraftLoadedAsync(CancellationToken ct) => Task.FromResult<IActionResult?>(null);

    protected Task SaveDraftAsync(CancellationToken ct) => drafts.SaveAsync(Form, ct);

    /// <summary>Removes the draft once the contact is recorded.</summary>
    protected Task DeleteDraftAsync(CancellationToken ct) => drafts.DeleteAsync(ct);

    /// <summary>Saves the draft, then shows this step again with its problems (and <paramref name="more"/>), or goes on.</summary>
    protected async Task<IActionResult> SaveAndContinueAsync(CancellationToken ct, params ValidationError[] more)
    {
        await drafts.SaveAsync(Form, ct);
        var errors = Form.Validate(Now).Where(e => IntakeSteps.StepOf(e.Field) == Step && !e.Field.Contains('[', StringComparison.Ordinal)).Concat(more);
        foreach (var e in errors)
        {
            ModelState.AddModelError(e.Field, e.Message);
        }

        return ModelState.IsValid ? Redirect(NextUrl) : Page();
    }

    /// <summary>A typed answer as the draft keeps it: trimmed, and null when blank.</summary>
    protected static string? Clean(string? value) => value?.Trim() is { Length: > 0 } v ? v : null;
}
