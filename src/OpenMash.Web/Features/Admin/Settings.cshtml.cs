using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;

namespace OpenMash.Web.Features.Admin;

/// <summary>The hub's own settings; the query filter limits them to the administrator's hub.</summary>
public sealed class SettingsModel(OpenMashDbContext db) : PageModel
{
    [BindProperty]
    public string? ThresholdGuidance { get; set; }

    [BindProperty]
    public string? SupportContact { get; set; }

    public bool Saved { get; private set; }

    public async Task OnGetAsync()
    {
        var settings = await db.HubSettings.SingleOrDefaultAsync();
        ThresholdGuidance = settings?.ThresholdGuidance;
        SupportContact = settings?.SupportContact;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(ThresholdGuidance))
        {
            ModelState.AddModelError(nameof(ThresholdGuidance), "Enter the hub's threshold guidance");
        }
        else if (ThresholdGuidance.Length > 8000)
        {
            ModelState.AddModelError(nameof(ThresholdGuidance), "Threshold guidance must be 8,000 characters or fewer");
        }

        if (SupportContact?.Length > 400)
        {
            ModelState.AddModelError(nameof(SupportContact), "Support contact must be 400 characters or fewer");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var settings = await db.HubSettings.SingleOrDefaultAsync();
        if (settings is null)
        {
            settings = new HubSettings { HubId = db.Actor.HubId!.Value, ThresholdGuidance = ThresholdGuidance! };
            db.HubSettings.Add(settings);
        }

        settings.ThresholdGuidance = ThresholdGuidance!.Trim();
        settings.SupportContact = string.IsNullOrWhiteSpace(SupportContact) ? null : SupportContact.Trim();
        await db.SaveChangesAsync();
        Saved = true;
        return Page();
    }
}
