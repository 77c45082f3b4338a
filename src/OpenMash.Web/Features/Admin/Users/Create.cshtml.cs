using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Features.Shared;

namespace OpenMash.Web.Features.Admin.Users;

public sealed class CreateModel(AdminService admin) : PageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public Guid? AgencyId { get; set; }

    [BindProperty]
    public List<string> SelectedRoles { get; set; } = [];

    public IReadOnlyList<(string Value, string Text)> Agencies { get; private set; } = [];

    /// <summary>
    /// Shown once, after the user is added: a single-use link with which the person sets their own password and
    /// two-factor sign-in. The administrator never sees a password.
    /// </summary>
    public string? SetUpLink { get; private set; }

    /// <summary>Roles asked for that wait for a second administrator's approval.</summary>
    public IReadOnlyList<string> PendingRoles { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(UserName))
        {
            ModelState.AddModelError(nameof(UserName), "Enter a user name");
        }
        else if (UserName.Trim().Length > 100 || UserName.Any(char.IsWhiteSpace))
        {
            ModelState.AddModelError(nameof(UserName), "User name must be 100 characters or fewer and have no spaces");
        }

        if (string.IsNullOrWhiteSpace(DisplayName))
        {
            ModelState.AddModelError(nameof(DisplayName), "Enter the person's full name");
        }

        ModelState.CheckText(UserName, nameof(UserName), 100, "User name");
        ModelState.CheckText(DisplayName, nameof(DisplayName), 200, "Full name");

        if (AgencyId is null)
        {
            ModelState.AddModelError(nameof(AgencyId), "Select the person's agency");
        }

        SelectedRoles = SelectedRoles.Where(Security.Roles.All.Contains).Distinct().ToList();
        if (SelectedRoles.Count == 0)
        {
            ModelState.AddModelError(nameof(SelectedRoles), "Select at least one role");
        }

        if (ModelState.IsValid && AgencyId is { } agencyId)
        {
            var (user, token, pending, errors) = await admin.CreateUserAsync(UserName!.Trim(), DisplayName!.Trim(), agencyId, SelectedRoles);
            foreach (var error in errors)
            {
                var field = error.Contains("administrator", StringComparison.OrdinalIgnoreCase) ? nameof(SelectedRoles)
                    : error.Contains("agency", StringComparison.OrdinalIgnoreCase) ? nameof(AgencyId) : nameof(UserName);
                ModelState.AddModelError(field, error);
            }

            if (user is not null)
            {
                SetUpLink = $"{Request.Scheme}://{Request.Host}/Account/SetUp?token={token}";
                PendingRoles = pending;
            }
        }

        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync() =>
        Agencies = (await admin.HubAgencies.Where(a => !a.IsDisabled).OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync())
            .Select(a => (a.Id.ToString(), a.Name)).ToList();
}
