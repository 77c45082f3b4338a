using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Features.Api;
using OpenMash.Web.Features.Shared;

namespace OpenMash.Web.Features.Admin.ApiClients;

public sealed class CreateModel(AdminService admin, ApiClientRegistry registry) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public Guid? AgencyId { get; set; }

    public IReadOnlyList<(string Value, string Text)> Agencies { get; private set; } = [];

    public string? ClientId { get; private set; }

    /// <summary>Shown once, after registration; only its hash is kept.</summary>
    public string? Secret { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            ModelState.AddModelError(nameof(Name), "Enter a name for the agency system");
        }
        else
        {
            var errors = new List<ValidationError>();
            errors.Limit(Name.Trim(), nameof(Name), 200, "Name");
            foreach (var error in errors)
            {
                ModelState.AddModelError(error.Field, error.Message);
            }
        }

        if (AgencyId is null)
        {
            ModelState.AddModelError(nameof(AgencyId), "Select the agency whose system this is");
        }
        else if (!await admin.HubAgencies.AnyAsync(a => a.Id == AgencyId && !a.IsDisabled))
        {
            ModelState.AddModelError(nameof(AgencyId), "Select an agency that serves this hub");
        }

        if (ModelState.IsValid && AgencyId is { } agencyId)
        {
            var (client, secret) = await registry.RegisterAsync(ApiClientRegistry.NewClientId(Name!), Name!.Trim(), agencyId, admin.HubId);
            ClientId = client.ClientId;
            Secret = secret;
        }

        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync() =>
        Agencies = (await admin.HubAgencies.Where(a => !a.IsDisabled).OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync())
            .Select(a => (a.Id.ToString(), a.Name)).ToList();
}
