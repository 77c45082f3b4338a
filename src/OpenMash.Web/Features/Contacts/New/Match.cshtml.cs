using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Duplicates;

namespace OpenMash.Web.Features.Contacts.New;

/// <summary>
/// After a child or adult is described, the hub's likely existing records are offered before a new one is made:
/// the user picks one (its history then follows the contact) or says none of them is this person.
/// </summary>
public sealed class MatchModel(DraftStore drafts, PossibleMatches matcher, OpenMashDbContext db, TimeProvider time) : PageModel
{
    public const string NewRecord = "new";

    [BindProperty]
    public string? Choice { get; set; }

    public string List { get; private set; } = "children";

    public int Index { get; private set; }

    public PersonForm Person { get; private set; } = null!;

    public IReadOnlyList<PossibleMatch> Matches { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string list, int index, CancellationToken ct)
    {
        if (await LoadAsync(list, index, ct) is { } result)
        {
            return result;
        }

        if (Matches.Count == 0)
        {
            return Redirect($"/Contacts/New/{List}");
        }

        Choice = Person.ExistingPersonId?.ToString() ?? (Person.MatchesReviewed ? NewRecord : null);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string list, int index, CancellationToken ct)
    {
        if (await LoadAsync(list, index, ct) is { } result)
        {
            return result;
        }

        if (Choice == NewRecord)
        {
            Person.ExistingPersonId = null;
            Person.MatchesReviewed = true;
        }
        else if (Guid.TryParse(Choice, out var chosen) && Matches.Any(m => m.Person.Id == chosen))
        {
            Person.ExistingPersonId = chosen;
            Person.MatchesReviewed = true;
        }
        else
        {
            ModelState.AddModelError(nameof(Choice), "Select the existing record that is this person, or that none of them is");
            return Page();
        }

        var form = (await drafts.LoadAsync(ct))!;
        (List == "children" ? form.Children : form.Adults)[Index] = Person;
        await drafts.SaveAsync(form, ct);
        return Redirect(form.ReachedCheck ? "/Contacts/New/check" : $"/Contacts/New/{List}");
    }

    private async Task<IActionResult?> LoadAsync(string list, int index, CancellationToken ct)
    {
        if (list is not ("children" or "adults"))
        {
            return NotFound();
        }

        var form = await drafts.LoadAsync(ct);
        var people = list == "children" ? form?.Children : form?.Adults;
        if (form is null || people is null || index < 0 || index >= people.Count)
        {
            return Redirect("/Contacts/New");
        }

        List = list;
        Index = index;
        Person = people[index];
        var details = Person.ToNewPerson([], time.GetUtcNow().UtcDateTime) with { ExistingPersonId = null };
        Matches = await matcher.FindAsync(details, ct);
        db.Audit(AuditActions.ViewPossibleMatches, targetType: "Person", subjects: Matches.Select(m => m.Person.Id), purpose: "Contact intake: is this person already known?");
        await db.SaveChangesAsync(ct);
        return null;
    }
}
