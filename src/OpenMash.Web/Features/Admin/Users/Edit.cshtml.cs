using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Admin.Users;

/// <summary>A user of the administrator's hub: roles and whether they can sign in. Another hub's user is refused (404) by the guard.</summary>
[AuditedAs(AuditActions.EditUser, Purpose = "Administration")]
public sealed class EditModel(AdminService admin, OpenMashDbContext db) : PageModel
{
    /// <summary>The user the guard loaded from the address: never a posted field, so a form cannot aim at another user.</summary>
    public Guid Id => HttpContext.Record<AppUser>().Id;

    [BindProperty]
    public List<string> SelectedRoles { get; set; } = [];

    [BindProperty]
    public string? Status { get; set; }

    public string DisplayName { get; private set; } = string.Empty;

    /// <summary>Roles asked for that wait for a second administrator (ticked, and named in the hint).</summary>
    public IReadOnlyList<string> PendingRoles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var user = HttpContext.Record<AppUser>();
        DisplayName = user.DisplayName;
        Status = user.IsDisabled ? "disabled" : "active";
        SelectedRoles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == Id select r.Name!).ToListAsync();
        PendingRoles = await db.Set<RoleGrant>().Where(g => g.UserId == Id && g.Status == RoleGrantStatus.Pending).Select(g => g.Role).ToListAsync();
        SelectedRoles.AddRange(PendingRoles.Except(SelectedRoles));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = HttpContext.Record<AppUser>();
        DisplayName = user.DisplayName;
        SelectedRoles = SelectedRoles.Where(Security.Roles.All.Contains).Distinct().ToList();
        if (SelectedRoles.Count == 0)
        {
            ModelState.AddModelError(nameof(SelectedRoles), "Select at least one role");
        }

        if (Status is not ("active" or "disabled"))
        {
            ModelState.AddModelError(nameof(Status), "Select whether the user can sign in");
        }

        if (Id == db.Actor.UserId)
        {
            var own = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == Id select r.Name!).ToListAsync();
            if (Status == "disabled" || !SelectedRoles.Order(StringComparer.Ordinal).SequenceEqual(own.Order(StringComparer.Ordinal), StringComparer.Ordinal))
            {
                ModelState.AddModelError(nameof(Status), "You cannot disable yourself or change your own roles: ask another administrator");
            }
        }

        if (Security.Roles.CombinationProblem(SelectedRoles) is { } problem)
        {
            ModelState.AddModelError(nameof(SelectedRoles), problem);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var pending = await admin.UpdateUserAsync(Id, SelectedRoles, Status == "disabled");
        return RedirectToPage("Index", new { pending = pending?.Count ?? 0 });
    }
}
