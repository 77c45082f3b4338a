using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenMash.Web.Data;
using OpenMash.Web.Security;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Admin.Grants;

/// <summary>
/// A second administrator approves or declines a role grant, after a confirmation step. The administrator who asked
/// for it, and the account itself, may read it; their decision is refused (403) and audited by the guard's policy.
/// </summary>
[AuditedAs(AuditActions.EditUser, Purpose = "Administration")]
public sealed class DecideModel(AdminService admin, OpenMashDbContext db) : PageModel
{
    [BindProperty]
    public string? Decision { get; set; }

    [BindProperty]
    public bool Confirmed { get; set; }

    public bool Checking { get; private set; }

    public GrantRow Row { get; private set; } = null!;

    public async Task OnGetAsync() => await LoadAsync();

    [AuthorizeRecord(Policies.DecideRoleGrant, Action = AuditActions.ApproveRoleGrant)]
    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (Row.Grant.Status != RoleGrantStatus.Pending)
        {
            ModelState.AddModelError(nameof(Decision), "This request has already been decided");
            return Page();
        }

        if (Decision is not ("approve" or "decline"))
        {
            ModelState.AddModelError(nameof(Decision), "Select whether to approve or decline the role");
            return Page();
        }

        if (!Confirmed)
        {
            Checking = true;
            return Page();
        }

        if (await admin.DecideGrantAsync(Row.Grant, Decision == "approve") is { } problem)
        {
            ModelState.AddModelError(nameof(Decision), problem);
            return Page();
        }

        return RedirectToPage("Index");
    }

    private async Task LoadAsync() => Row = (await GrantRow.ForAsync(db, [HttpContext.Record<RoleGrant>()])).Single();
}
