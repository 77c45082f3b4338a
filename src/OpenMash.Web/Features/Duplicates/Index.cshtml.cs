using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenMash.Web.Data;

namespace OpenMash.Web.Features.Duplicates;

public sealed class IndexModel(DuplicateFinder finder, OpenMashDbContext db) : PageModel
{
    public IReadOnlyList<DuplicatePair> Pairs { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Pairs = await finder.FindAsync(HttpContext.RequestAborted);
        db.Audit(AuditActions.ViewDuplicateQueue, targetType: "Person", subjects: Pairs.SelectMany(p => new[] { p.A.Id, p.B.Id }).Distinct(), purpose: "Duplicate review");
        await db.SaveChangesAsync();
    }
}
