using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;

namespace OpenMash.Web.Features.Screening;

/// <summary>The hub's live screening queue: every contact not yet decided, the most urgent first.</summary>
public sealed class IndexModel(OpenMashDbContext db, TimeProvider time) : PageModel
{
    public IReadOnlyList<QueueRow> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var now = time.GetUtcNow().UtcDateTime;
        var open = await db.Contacts.AsNoTracking()
            .Where(c => c.State != ContactState.Decided)
            .Select(c => new { c.Id, c.Reference, c.ReceivedAtUtc, c.State, c.Rag, c.DecisionDueUtc })
            .ToListAsync();
        var mayBeKnown = (await db.PossibleExistingRecords.Where(r => r.State == PossibleRecordState.Open).Select(r => r.ContactId).Distinct().ToListAsync()).ToHashSet();

        // Unscreened contacts have no due time yet: they take their place by the time they arrived.
        Rows = open
            .OrderBy(c => c.DecisionDueUtc ?? c.ReceivedAtUtc)
            .ThenBy(c => c.ReceivedAtUtc)
            .Select(c => new QueueRow(c.Id, c.Reference, c.ReceivedAtUtc, c.State, c.Rag, c.DecisionDueUtc, c.DecisionDueUtc < now, mayBeKnown.Contains(c.Id)))
            .ToList();
    }
}
