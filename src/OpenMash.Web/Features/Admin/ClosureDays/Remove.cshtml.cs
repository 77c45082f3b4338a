using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenMash.Web.Features.Shared;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Admin.ClosureDays;

/// <summary>Confirms and removes one of the hub's closure days still to come. Another hub's day is refused (404) by the guard.</summary>
[AuditedAs(AuditActions.RemoveClosureDay, Purpose = "Administration")]
public sealed class RemoveModel(ClosureDayService closures) : PageModel
{
    public HubClosureDay Day => HttpContext.Record<HubClosureDay>();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await closures.RemoveAsync(Day) is { } problem)
        {
            ModelState.AddModelError(string.Empty, problem);
            return Page();
        }

        this.Banner($"{ClosureDayService.Display(Day.Date)} is no longer a closure day");
        return RedirectToPage("Index");
    }
}
