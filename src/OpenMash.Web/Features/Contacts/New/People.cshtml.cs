using Microsoft.AspNetCore.Mvc;

namespace OpenMash.Web.Features.Contacts.New;

/// <summary>Steps 3 and 4: the children in the contact, then the household members and associated adults.</summary>
public sealed class PeopleModel(DraftStore drafts, TimeProvider time) : IntakeStepModel(drafts, time)
{
    /// <summary>"children" or "adults", from the address.</summary>
    public override string Step => RouteData.Values["list"]?.ToString() ?? IntakeSteps.Children;

    public bool IsChildren => Step == IntakeSteps.Children;

    public List<PersonForm> People => IsChildren ? Form.Children : Form.Adults;

    /// <summary>A list of children is never empty: the first child is asked for at once.</summary>
    public IActionResult OnGet() => IsChildren && People.Count == 0 ? Redirect($"{IntakeSteps.Url(Step)}/0") : Page();

    public async Task<IActionResult> OnPostAsync(string? command, CancellationToken ct)
    {
        if (command?.StartsWith("remove-", StringComparison.Ordinal) == true && int.TryParse(command[7..], out var remove) && remove >= 0 && remove < People.Count)
        {
            People.RemoveAt(remove);
            await SaveDraftAsync(ct);
            return Redirect(IntakeSteps.Url(Step));
        }

        return IsChildren && People.Count == 0
            ? await SaveAndContinueAsync(ct, new ValidationError("Children", "Add at least one child"))
            : await SaveAndContinueAsync(ct);
    }
}
