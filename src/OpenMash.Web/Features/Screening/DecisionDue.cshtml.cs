using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenMash.Web.Features.Shared;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Screening;

/// <summary>A manager gives a contact more time for its decision, with a reason (manager-only: see Conventions).</summary>
[AuditedAs(AuditActions.ExtendDecisionDue, Purpose = "Screening")]
public sealed class DecisionDueModel(ScreeningService screening) : PageModel
{
    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public Contact Contact { get; private set; } = null!;

    [BindProperty]
    public string? NewDue { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public void OnGet() => Contact = HttpContext.Record<Contact>();

    public async Task<IActionResult> OnPostAsync()
    {
        Contact = HttpContext.Record<Contact>();
        DateTime? newDueUtc = null;
        if (!string.IsNullOrWhiteSpace(NewDue))
        {
            if (DateTime.TryParseExact(NewDue.Trim(), ["dd/MM/yyyy HH:mm", "d/M/yyyy HH:mm", "d/M/yyyy H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                newDueUtc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), UkTime);
            }
            else
            {
                ModelState.AddModelError(nameof(NewDue), "Enter the new time as a date and UK time, like 25/11/2026 14:30");
            }
        }

        var errors = await screening.ExtendDecisionDueAsync(Contact, new DecisionDueInput { NewDueUtc = newDueUtc, Reason = Reason });
        foreach (var error in errors)
        {
            var field = error.Field == nameof(DecisionDueInput.NewDueUtc) ? nameof(NewDue) : error.Field;
            // Binding puts every posted field in ModelState: skip only a field that already has an error (a time it could not read).
            if (ModelState[field] is not { Errors.Count: > 0 })
            {
                ModelState.AddModelError(field, error.Message);
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        this.Banner($"More time given for contact {Contact.Reference}. The reason is on the timeline.");
        return Redirect($"/Screening/{Contact.Id}/Timeline");
    }
}
