using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Access;

/// <summary>
/// Who accessed a child's record, when and why: the audit rows that name the child as a subject, from any hub
/// (break-glass reads and sharing decisions by the other hub included). For the MASH managers and information
/// governance officers of the child's hub only: managers answer for their team's access, IG officers for the hub's
/// compliance. Screeners are not shown who else read a record. A child of another hub is refused and audited.
/// </summary>
[AuditedAs(AuditActions.ViewAccessHistory, Purpose = "AccessHistory")]
public sealed class HistoryModel(OpenMashDbContext db) : PageModel
{
    public const int PageSize = 25;

    public Guid PersonId { get; private set; }

    public string PersonName { get; private set; } = string.Empty;

    public IReadOnlyList<AccessRow> Rows { get; private set; } = [];

    public int PageNumber { get; private set; }

    public int TotalPages { get; private set; }

    public int Total { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken ct)
    {
        var person = HttpContext.Record<Person>();
        var id = person.Id;
        PersonId = id;
        PersonName = $"{person.GivenNames} {person.FamilyName}";
        var key = id.ToString();
        var rows = db.AuditEntries.AsNoTracking().Where(e => e.Subjects != null && e.Subjects.Contains(key));
        Total = await rows.CountAsync(ct);
        TotalPages = Math.Max(1, (Total + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(page ?? 1, 1, TotalPages);
        var entries = await rows.OrderByDescending(e => e.Sequence).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var agencyIds = entries.Select(e => e.AgencyId).OfType<Guid>().Distinct().ToList();
        var hubIds = entries.Select(e => e.HubId).OfType<Guid>().Distinct().ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var hubs = await db.Hubs.AsNoTracking().Where(h => hubIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.Name, ct);
        Rows = entries.Select(e => new AccessRow(
            e.OccurredAtUtc, e.UserName, e.Role, e.AgencyId is { } a ? agencies.GetValueOrDefault(a) : null, e.HubId is { } h ? hubs.GetValueOrDefault(h) : null,
            e.Action, e.Purpose, e.Outcome, e.Detail)).ToList();

        db.Audit(AuditActions.ViewAccessHistory, AuditOutcome.Allowed, "Person", key, [id], "AccessHistory", $"page {PageNumber} of {TotalPages}");
        await db.SaveChangesAsync(ct);
        return Page();
    }
}
