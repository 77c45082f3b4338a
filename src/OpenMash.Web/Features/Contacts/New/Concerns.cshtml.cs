using Microsoft.AspNetCore.Mvc;

namespace OpenMash.Web.Features.Contacts.New;

/// <summary>Step 5: the categories of concern.</summary>
public sealed class ConcernsModel(DraftStore drafts, TimeProvider time) : IntakeStepModel(drafts, time)
{
    public override string Step => IntakeSteps.Concerns;

    [BindProperty]
    public List<string?> Concerns { get; set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Form.Concerns = Concerns.OfType<string>().Where(c => c.Length > 0).Distinct().ToList();
        return await SaveAndContinueAsync(ct);
    }
}
