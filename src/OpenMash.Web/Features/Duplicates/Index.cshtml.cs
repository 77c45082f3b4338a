using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenMash.Web.Data;
using OpenMash.Web.Security;

namespace OpenMash.Web.Features.Duplicates;

/// <summary>
/// The hub's duplicate queue, most probable first, a page at a time: read from the queue's table (after applying any
/// person changes not yet applied), with only the page's persons loaded, through the hub filter.
/// </summary>
public sealed class IndexModel(DuplicateQueue queue, PersonIndex index, OpenMashDbContext db, IOptions<DuplicatesOptions> settings) : PageModel
{
    public IReadOnlyList<DuplicatePair> Pairs { get; private set; } = [];

    public int Total { get; private set; }

    public int PageNumber { get; private set; }

    public int TotalPages { get; private set; }

    public QueueProgress Progress { get; private set; } = new(true, 0, 0);

    public async Task OnGetAsync(int? page)
    {
        var ct = HttpContext.RequestAborted;
        var options = settings.Value;

        // With no background service (FeedEverySeconds 0) the page finishes a first build itself.
        Progress = await queue.CatchUpAsync(db.Actor.RequiredHubId, options.FeedEverySeconds <= 0 ? int.MaxValue : 0, ct);

        var pairs = db.DuplicateCandidates.AsNoTracking()
            .Where(c => !db.NotDuplicates.Any(n => n.PersonA == c.PersonA && n.PersonB == c.PersonB));
        Total = await pairs.CountAsync(ct);
        var size = Math.Max(1, options.PageSize);
        TotalPages = Math.Max(1, (Total + size - 1) / size);
        PageNumber = Math.Clamp(page ?? 1, 1, TotalPages);
        var rows = await pairs.OrderByDescending(c => c.Probability).ThenByDescending(c => c.PersonA).ThenByDescending(c => c.PersonB)
            .Skip((PageNumber - 1) * size).Take(size).ToListAsync(ct);

        var ids = rows.SelectMany(r => new[] { r.PersonA, r.PersonB }).Distinct().ToList();
        var persons = await db.Persons.AsNoTracking().Where(p => ids.Contains(p.Id) && p.MergedIntoId == null).ToDictionaryAsync(p => p.Id, ct);
        Pairs = rows.Where(r => persons.ContainsKey(r.PersonA) && persons.ContainsKey(r.PersonB))
            .Select(r => new DuplicatePair(persons[r.PersonA], persons[r.PersonB], r.Probability, index.Model.BandOf(r.Probability)))
            .ToList();

        db.Audit(AuditActions.ViewDuplicateQueue, targetType: "Person", subjects: Pairs.SelectMany(p => new[] { p.A.Id, p.B.Id }).Distinct(), purpose: "Duplicate review",
            detail: $"page {PageNumber} of {TotalPages}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The page numbers to link, GOV.UK style: first, last, the current one and its neighbours; null for an ellipsis.</summary>
    public IReadOnlyList<int?> PageLinks()
    {
        var shown = new SortedSet<int> { 1, TotalPages, PageNumber, Math.Max(1, PageNumber - 1), Math.Min(TotalPages, PageNumber + 1) };
        var links = new List<int?>();
        var previous = 0;
        foreach (var number in shown)
        {
            if (number - previous > 1)
            {
                links.Add(null);
            }

            links.Add(number);
            previous = number;
        }

        return links;
    }
}
