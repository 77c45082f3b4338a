using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Decisions;

/// <summary>Whether a strategy discussion was held, with whom, and why not when harm was suspected.</summary>
[AuditedAs(AuditActions.RecordStrategyDiscussion)]
public sealed class StrategyModel(OpenMashDbContext db, DecisionService decisions) : PageModel
{
    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public Contact Contact { get; private set; } = null!;

    public bool HarmSuspected { get; private set; }

    public IReadOnlyList<(string Value, string Text)> Agencies { get; private set; } = [];

    [BindProperty]
    public bool? Held { get; set; }

    [BindProperty]
    public string? HeldAt { get; set; }

    [BindProperty]
    public List<string> Invited { get; set; } = [];

    [BindProperty]
    public List<Guid> AttendedAgencyIds { get; set; } = [];

    [BindProperty]
    public bool? SectionFortySevenAgreed { get; set; }

    [BindProperty]
    public string? NotHeldReason { get; set; }

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var contactId = await LoadAsync();
        var subjects = await db.ContactSubjects.Where(s => s.ContactId == contactId).Select(s => s.PersonId).ToListAsync();
        db.Audit(AuditActions.ViewStrategyDiscussion, targetType: "Contact", targetId: contactId.ToString(), subjects: subjects, purpose: "Strategy discussion");
        await db.SaveChangesAsync();
        if (await db.StrategyDiscussions.AsNoTracking().SingleOrDefaultAsync(s => s.ContactId == contactId) is { } existing)
        {
            Held = existing.Held;
            HeldAt = existing.HeldAtUtc is { } at ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(at, DateTimeKind.Utc), UkTime).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) : null;
            Invited = [.. existing.InvitedPolice ? ["Police"] : Array.Empty<string>(), .. existing.InvitedHealth ? ["Health"] : Array.Empty<string>(), .. existing.InvitedEducation ? ["Education"] : Array.Empty<string>(), .. existing.InvitedSocialWorker ? ["SocialWorker"] : Array.Empty<string>()];
            AttendedAgencyIds = existing.AttendedAgencyIds;
            SectionFortySevenAgreed = existing.SectionFortySevenAgreed;
            NotHeldReason = existing.NotHeldReason;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();

        DateTime? heldAtUtc = null;
        var badTime = false;
        if (Held == true && !string.IsNullOrWhiteSpace(HeldAt))
        {
            if (DateTime.TryParseExact(HeldAt.Trim(), ["dd/MM/yyyy HH:mm", "d/M/yyyy HH:mm", "d/M/yyyy H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                heldAtUtc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), UkTime);
            }
            else
            {
                badTime = true;
            }
        }

        var errors = (await decisions.RecordStrategyAsync(Contact, new StrategyInput
        {
            Held = Held,
            HeldAtUtc = heldAtUtc,
            InvitedPolice = Invited.Contains("Police"),
            InvitedHealth = Invited.Contains("Health"),
            InvitedEducation = Invited.Contains("Education"),
            InvitedSocialWorker = Invited.Contains("SocialWorker"),
            AttendedAgencyIds = AttendedAgencyIds,
            SectionFortySevenAgreed = SectionFortySevenAgreed,
            NotHeldReason = NotHeldReason,
        })).ToList();
        if (badTime)
        {
            errors.RemoveAll(e => e.Field == "HeldAtUtc");
            errors.Insert(0, new("HeldAtUtc", "Enter when the strategy discussion was held as a date and time, like 25/11/2026 14:30"));
        }

        ModelState.Clear();
        foreach (var error in errors)
        {
            ModelState.AddModelError(error.Field == "HeldAtUtc" ? nameof(HeldAt) : error.Field, error.Message);
        }

        Saved = errors.Count == 0;
        return Page();
    }

    private async Task<Guid> LoadAsync()
    {
        var contact = HttpContext.Record<Contact>();
        Contact = contact;
        HarmSuspected = await decisions.HarmSuspectedAsync(contact.Id);
        var hubId = db.Actor.HubId;
        Agencies = (await db.Agencies.Where(a => a.Hubs.Any(h => h.HubId == hubId)).OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync())
            .Select(a => (a.Id.ToString(), a.Name)).ToList();
        return contact.Id;
    }
}
