using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenMash.Matching;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Shared;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Duplicates;

/// <summary>Two live records of the hub side by side (each loaded by its guard, route values a and b), to merge or dismiss.</summary>
[AuditedAs(AuditActions.ViewPerson, Purpose = "Duplicate review")]
public sealed class ReviewModel(OpenMashDbContext db, DuplicateFinder finder, MergeService merges) : PageModel
{
    /// <summary>The two records the guards loaded from the address (never posted fields, so a form cannot aim elsewhere).</summary>
    public Guid A => HttpContext.Record<Person>("a").Id;

    public Guid B => HttpContext.Record<Person>("b").Id;

    [BindProperty]
    public string? Keep { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public Person First { get; private set; } = null!;

    public Person Second { get; private set; } = null!;

    public MatchCandidate Match { get; private set; } = null!;

    public IReadOnlyDictionary<Guid, int> ContactCounts { get; private set; } = new Dictionary<Guid, int>();

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostMergeAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (Keep != A.ToString() && Keep != B.ToString())
        {
            ModelState.AddModelError(nameof(Keep), "Select which record to keep");
        }

        var reasonErrors = new List<ValidationError>();
        reasonErrors.Require(Reason, nameof(Reason), "Enter why these records are the same person", 2000, "Reason");
        foreach (var problem in reasonErrors)
        {
            ModelState.AddModelError(problem.Field, problem.Message);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var survivor = Guid.Parse(Keep!);
        var (merge, error) = await merges.MergeAsync(survivor, survivor == A ? B : A, Reason!);
        if (error is not null)
        {
            ModelState.AddModelError(nameof(Keep), error);
            return Page();
        }

        return Redirect($"/Duplicates/Merges#merge-{merge!.Id}");
    }

    public async Task<IActionResult> OnPostDismissAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        await merges.DismissAsync(A, B);
        return RedirectToPage("Index");
    }

    private async Task<bool> LoadAsync()
    {
        if (A == B)
        {
            return false;
        }

        First = HttpContext.Record<Person>("a");
        Second = HttpContext.Record<Person>("b");
        Match = await finder.ExplainAsync(First, Second);
        ContactCounts = await db.ContactSubjects.Where(s => s.PersonId == A || s.PersonId == B).GroupBy(s => s.PersonId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        db.Audit(AuditActions.ViewPerson, targetType: "Person", targetId: A.ToString(), subjects: [A, B], purpose: "Duplicate review");
        await db.SaveChangesAsync();
        return true;
    }
}
