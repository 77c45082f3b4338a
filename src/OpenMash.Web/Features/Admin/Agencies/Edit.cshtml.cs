using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Admin.Agencies;

/// <summary>An agency serving the administrator's hub: active or disabled. Any other agency is refused (404) by the guard.</summary>
[AuditedAs(AuditActions.EditAgency, Purpose = "Administration")]
public sealed class EditModel(AdminService admin, OpenMashDbContext db) : PageModel
{
    [BindProperty]
    public string? Status { get; set; }

    [BindProperty]
    public string? EmailAddress { get; set; }

    public string Name { get; private set; } = string.Empty;

    public void OnGet()
    {
        var agency = HttpContext.Record<Agency>();
        Name = agency.Name;
        Status = agency.IsDisabled ? "disabled" : "active";
        EmailAddress = agency.EmailAddress;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var agency = HttpContext.Record<Agency>();
        Name = agency.Name;
        if (Status is not ("active" or "disabled"))
        {
            ModelState.AddModelError(nameof(Status), "Select whether the agency is active");
        }

        var email = AgencyEmail.Check(ModelState, EmailAddress);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (Status == "disabled" && agency.Id == db.Actor.AgencyId)
        {
            ModelState.AddModelError(nameof(Status), "You cannot disable your own agency");
            return Page();
        }

        // Disabling and re-enabling apply in every hub the agency serves, so one hub's administrator may do neither
        // for a shared agency: a change of status needs every hub it serves.
        var otherHubs = await db.AgencyHubs.Where(h => h.AgencyId == agency.Id && h.HubId != admin.HubId).Select(h => h.Hub.Name).ToListAsync();
        var disabling = Status == "disabled" && !agency.IsDisabled;
        var enabling = Status == "active" && agency.IsDisabled;
        if ((disabling || enabling) && otherHubs.Count > 0)
        {
            ModelState.AddModelError(nameof(Status), $"This agency also serves {string.Join(" and ", otherHubs)}: {(disabling ? "disabling" : "re-enabling")} it needs the agreement of every hub it serves, so ask the system administrator");
            return Page();
        }

        agency.IsDisabled = Status == "disabled";
        agency.EmailAddress = email;
        await db.SaveChangesAsync();
        return RedirectToPage("Index");
    }
}
