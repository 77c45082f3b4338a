using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;

namespace OpenMash.Web.Features.Decisions;

/// <summary>Proposals waiting for a manager, the one whose decision is due first at the top (so overdue ones lead), then red before amber before green.</summary>
public sealed class IndexModel(OpenMashDbContext db, TimeProvider time) : PageModel
{
    public IReadOnlyList<ProposalRow> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var now = time.GetUtcNow().UtcDateTime;
        Rows = (await (from d in db.Decisions
                       join c in db.Contacts on d.ContactId equals c.Id
                       where d.Status == DecisionStatus.Proposed
                       select new { d.Id, c.Reference, d.ProposedAtUtc, d.Outcome, c.Rag, c.DecisionDueUtc })
                .ToListAsync())
            .OrderBy(r => r.DecisionDueUtc ?? DateTime.MaxValue)
            .ThenBy(r => r.Rag switch { RagRating.Red => 0, RagRating.Amber => 1, _ => 2 })
            .ThenBy(r => r.ProposedAtUtc)
            .Select(r => new ProposalRow(r.Id, r.Reference, r.ProposedAtUtc, r.Outcome, r.Rag, r.DecisionDueUtc, r.DecisionDueUtc < now))
            .ToList();
    }
}
