using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenMash.Web.Features.Shared;

namespace OpenMash.Web.Features.Admin.ClosureDays;

/// <summary>
/// The days the administrator's hub is closed besides weekends and bank holidays (a newly announced bank holiday,
/// say), and a form to add one. Another hub's closure days are never listed (the hub filter).
/// </summary>
public sealed class IndexModel(ClosureDayService closures) : PageModel
{
    public static readonly string[] FieldOrder = [nameof(ClosureDayInput.Date), nameof(ClosureDayInput.Reason)];

    public IReadOnlyList<HubClosureDay> Upcoming { get; private set; } = [];

    public IReadOnlyList<HubClosureDay> Past { get; private set; } = [];

    public DateParts Date { get; private set; } = new();

    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>What was just added or removed, for the confirmation banner.</summary>
    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        Date = DateParts.Read(Request.Form, nameof(Date));
        var (added, errors) = await closures.AddAsync(new ClosureDayInput { Date = Date, Reason = Reason });
        if (added is null)
        {
            CaseDisplay.AddErrors(ModelState, errors);
            await LoadAsync();
            return Page();
        }

        this.Banner($"{ClosureDayService.Display(added.Date)} added as a closure day");
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var today = await closures.TodayAsync();
        var all = await closures.AllAsync();
        Upcoming = [.. all.Where(d => !d.HasPassed(today))];
        Past = [.. all.Where(d => d.HasPassed(today)).OrderByDescending(d => d.Date)];
    }
}
