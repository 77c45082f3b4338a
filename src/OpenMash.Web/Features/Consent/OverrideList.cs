using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;

namespace OpenMash.Web.Features.Consent;

/// <summary>Overrides of the signed-in user's hub with their contact reference, newest first.</summary>
public static class OverrideList
{
    public static async Task<IReadOnlyList<OverrideRow>> LoadAsync(OpenMashDbContext db, bool pendingOnly, CancellationToken ct = default)
    {
        var query = db.ConsentOverrides.AsNoTracking();
        if (pendingOnly)
        {
            query = query.Where(o => o.Status == OverrideStatus.Pending);
        }

        var rows = await (from o in query join c in db.Contacts on o.ContactId equals c.Id select new { o, c.Reference }).ToListAsync(ct);
        return rows.OrderByDescending(r => r.o.RequestedAtUtc).Select(r => new OverrideRow(r.o, r.Reference)).ToList();
    }
}
