using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Shared;

namespace OpenMash.Web.Features.Checks;

/// <summary>
/// The researcher's own agency's requests in their hub; never another agency's. Waiting checks first, the one due
/// first at the top; narrowed by the address (state=waiting|answered, overdue=true) so a filtered list can be bookmarked.
/// </summary>
public sealed class IndexModel(OpenMashDbContext db, TimeProvider time) : PageModel
{
    public static readonly IReadOnlyList<(string Value, string Text)> StateChoices = [("waiting", "Waiting for an answer"), ("answered", "Answered")];

    public IReadOnlyList<CheckRow> Rows { get; private set; } = [];

    public string? StateValue { get; private set; }

    public bool OverdueValue { get; private set; }

    public bool Filtered => StateValue is { Length: > 0 } || OverdueValue;

    public async Task OnGetAsync()
    {
        StateValue = Request.Query["state"].FirstOrDefault()?.Trim().ToLowerInvariant();
        var overdue = Request.Query["overdue"].FirstOrDefault()?.Trim().ToLowerInvariant();
        CheckStatus? status = StateValue switch { null or "" => null, "waiting" => CheckStatus.Requested, "answered" => CheckStatus.Answered, _ => null };
        if (StateValue is { Length: > 0 } && status is null)
        {
            ModelState.AddModelError("state", "Select waiting for an answer or answered");
            StateValue = null;
        }

        switch (overdue)
        {
            case null or "" or "false":
                break;
            case "true":
                OverdueValue = true;
                break;
            default:
                ModelState.AddModelError("overdue", "Select overdue only, or leave it unticked");
                break;
        }

        if (!ModelState.IsValid)
        {
            status = null;
            OverdueValue = false;
            StateValue = null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var agencyId = db.Actor.AgencyId;
        var query = from c in db.Checks
                    join contact in db.Contacts on c.ContactId equals contact.Id
                    where c.AgencyId == agencyId
                    select new { c.Id, c.ContactId, contact.Reference, c.RequestedAtUtc, c.DueAtUtc, c.Status, c.AnsweredAtUtc };
        if (status is { } wanted)
        {
            query = query.Where(c => c.Status == wanted);
        }

        if (OverdueValue)
        {
            query = query.Where(c => c.Status == CheckStatus.Requested && c.DueAtUtc < now);
        }

        var rows = await query.ToListAsync();
        var contactIds = rows.Select(r => r.ContactId).Distinct().ToList();
        var names = await ChildLabels.ForContactsAsync(db, contactIds, CaseDisplay.UkToday(now));
        Rows = rows
            .OrderBy(r => r.Status)
            .ThenBy(r => r.DueAtUtc)
            .ThenBy(r => r.Reference, StringComparer.Ordinal)
            .Select(r => new CheckRow(
                r.Id, r.Reference, names.GetValueOrDefault(r.ContactId) ?? [], r.RequestedAtUtc, r.DueAtUtc,
                r.Status == CheckStatus.Requested ? CaseDisplay.TimeLeft(r.DueAtUtc, now) : "Answered",
                r.Status, r.AnsweredAtUtc, r.Status == CheckStatus.Requested && r.DueAtUtc < now))
            .ToList();
    }
}
