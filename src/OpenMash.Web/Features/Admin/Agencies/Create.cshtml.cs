using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Shared;

namespace OpenMash.Web.Features.Admin.Agencies;

public sealed class CreateModel(AdminService admin, OpenMashDbContext db) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Type { get; set; }

    [BindProperty]
    public string? Lead { get; set; }

    [BindProperty]
    public string? EmailAddress { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            ModelState.AddModelError(nameof(Name), "Enter the agency's name");
        }
        else if (Name.Trim().Length > 200)
        {
            ModelState.AddModelError(nameof(Name), "Name must be 200 characters or fewer");
        }
        else if (TextRules.Problem(Name, "Name", multiLine: false) is { } problem)
        {
            ModelState.AddModelError(nameof(Name), problem);
        }
        else if (await db.Agencies.AnyAsync(a => a.Name == Name.Trim()))
        {
            ModelState.AddModelError(nameof(Name), "An agency with this name already exists");
        }

        if (!Enum.TryParse<AgencyType>(Type, out var type) || !Enum.IsDefined(type))
        {
            ModelState.AddModelError(nameof(Type), "Select the type of agency");
        }

        if (Lead is not ("yes" or "no"))
        {
            ModelState.AddModelError(nameof(Lead), "Select whether the agency is a lead safeguarding partner");
        }

        var email = AgencyEmail.Check(ModelState, EmailAddress);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var agency = new Agency { Id = Guid.NewGuid(), Name = Name!.Trim(), Type = type, IsLeadSafeguardingPartner = Lead == "yes", EmailAddress = email };
        agency.Hubs.Add(new AgencyHub { Agency = agency, HubId = admin.HubId });
        db.Agencies.Add(agency);
        await db.SaveChangesAsync();
        return RedirectToPage("Index");
    }
}
