using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;

namespace OpenMash.Web.Features.Audit;

/// <summary>
/// Information governance officers search their hub's audit log. Filters are posted, not put in the address,
/// because they can name people.
/// </summary>
public sealed class IndexModel(OpenMashDbContext db) : PageModel
{
    public const int PageSize = 100;

    [BindProperty]
    public string? From { get; set; }

    [BindProperty]
    public string? To { get; set; }

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Action { get; set; }

    [BindProperty]
    public string? Subject { get; set; }

    [BindProperty]
    public string? Outcome { get; set; }

    [BindProperty]
    public long? Before { get; set; }

    public IReadOnlyList<AuditEntry> Rows { get; private set; } = [];

    public bool HasMore { get; private set; }

    public Task OnGetAsync() => SearchAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var from = ParseDate(From, nameof(From));
        var to = ParseDate(To, nameof(To));
        if (from is not null && to is not null && to < from)
        {
            ModelState.AddModelError(nameof(To), "The end date must be the same as or after the start date");
        }

        Guid? subject = null;
        if (!string.IsNullOrWhiteSpace(Subject))
        {
            if (Guid.TryParse(Subject.Trim(), out var s))
            {
                subject = s;
            }
            else
            {
                ModelState.AddModelError(nameof(Subject), "Enter a person ID in the form shown on their record, like 3f2504e0-4f89-11d3-9a0c-0305e82c3301");
            }
        }

        if (Outcome is not (null or "" or "Allowed" or "Refused"))
        {
            ModelState.AddModelError(nameof(Outcome), "Select allowed, refused or any outcome");
        }

        if (ModelState.IsValid)
        {
            await SearchAsync(from, to?.AddDays(1), subject);
        }

        return Page();
    }

    private async Task SearchAsync(DateTime? fromUtc = null, DateTime? toUtc = null, Guid? subject = null)
    {
        var hub = db.Actor.HubId;
        var query = db.AuditEntries.AsNoTracking().Where(e => e.HubId == hub);
        if (fromUtc is not null)
        {
            query = query.Where(e => e.OccurredAtUtc >= fromUtc);
        }

        if (toUtc is not null)
        {
            query = query.Where(e => e.OccurredAtUtc < toUtc);
        }

        if (!string.IsNullOrWhiteSpace(UserName))
        {
            query = query.Where(e => e.UserName != null && e.UserName.Contains(UserName.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(Action))
        {
            query = query.Where(e => e.Action.Contains(Action.Trim()));
        }

        if (subject is not null)
        {
            var id = subject.Value.ToString();
            query = query.Where(e => e.Subjects != null && e.Subjects.Contains(id));
        }

        if (Outcome is "Allowed" or "Refused")
        {
            var outcome = Enum.Parse<AuditOutcome>(Outcome);
            query = query.Where(e => e.Outcome == outcome);
        }

        if (Before is not null)
        {
            query = query.Where(e => e.Sequence < Before);
        }

        var rows = await query.OrderByDescending(e => e.Sequence).Take(PageSize + 1).ToListAsync();
        HasMore = rows.Count > PageSize;
        Rows = rows.Take(PageSize).ToList();
        db.Audit(AuditActions.AuditSearch, targetType: "AuditLog", purpose: "Information governance review", detail: $"{Rows.Count} rows shown");
        await db.SaveChangesAsync();
    }

    private DateTime? ParseDate(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateTime.TryParseExact(value.Trim(), ["yyyy-MM-dd", "d/M/yyyy", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
        {
            return DateTime.SpecifyKind(date.Date, DateTimeKind.Utc);
        }

        ModelState.AddModelError(field, "Enter a real date, like 25/11/2026");
        return null;
    }
}
