using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;

namespace OpenMash.Web.Features.Checks;

/// <summary>The researcher's own agency's requests in their hub; never another agency's.</summary>
public sealed class IndexModel(OpenMashDbContext db, TimeProvider time) : PageModel
{
    public IReadOnlyList<CheckRow> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var now = time.GetUtcNow().UtcDateTime;
        var agencyId = db.Actor.AgencyId;
        var rows = await (from c in db.Checks
                          join contact in db.Contacts on c.ContactId equals contact.Id
                          where c.AgencyId == agencyId
                          select new { c.Id, contact.Reference, c.RequestedAtUtc, c.DueAtUtc, c.Status })
            .ToListAsync();
        Rows = rows
            .OrderBy(r => r.Status)
            .ThenBy(r => r.DueAtUtc)
            .Select(r => new CheckRow(r.Id, r.Reference, r.RequestedAtUtc, r.DueAtUtc, r.Status, r.Status == CheckStatus.Requested && r.DueAtUtc < now))
            .ToList();
    }
}
