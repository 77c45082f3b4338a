using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;

using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Duplicates;

[AuditedAs(AuditActions.UnmergePerson, Purpose = "Duplicate review")]
public sealed class MergesModel(OpenMashDbContext db, MergeService merges) : PageModel
{
    public sealed record Row(Guid Id, string Survivor, string Merged, string Reason, DateTime MergedAtUtc, DateTime? UnmergedAtUtc);

    [BindProperty]
    public Guid MergeId { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostUnmergeAsync()
    {
        var error = await merges.UnmergeAsync(HttpContext.Record<PersonMerge>().Id);
        if (error is not null)
        {
            ModelState.AddModelError(string.Empty, error);
        }

        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var list = await (from m in db.PersonMerges
                          join s in db.Persons on m.SurvivorId equals s.Id
                          join d in db.Persons on m.MergedId equals d.Id
                          orderby m.MergedAtUtc descending
                          select new Row(m.Id, s.GivenNames + " " + s.FamilyName, d.GivenNames + " " + d.FamilyName, m.Reason, m.MergedAtUtc, m.UnmergedAtUtc))
            .Take(200).ToListAsync();
        Rows = list;
        var pairs = await db.PersonMerges.OrderByDescending(m => m.MergedAtUtc).Take(200).Select(m => new { m.SurvivorId, m.MergedId }).ToListAsync();
        db.Audit(AuditActions.ViewMerges, targetType: "Person", subjects: pairs.SelectMany(p => new[] { p.SurvivorId, p.MergedId }).Distinct(), purpose: "Duplicate review");
        await db.SaveChangesAsync();
    }
}
