using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Shared;
using OpenMash.Web.Security;

namespace OpenMash.Web.Features.Admin;

/// <summary>The hub's own settings and timescales; the query filter limits them to the administrator's hub.</summary>
public sealed class SettingsModel(OpenMashDbContext db) : PageModel
{
    public static readonly string[] FieldOrder =
    [
        nameof(ThresholdGuidance), nameof(SupportContact), nameof(WorkingDayStart), nameof(WorkingDayEnd), nameof(RedDecisionHours),
        nameof(RedAroundTheClock), nameof(AmberDecisionWorkingDays), nameof(GreenDecisionWorkingDays), nameof(FeedbackWithinWorkingDays),
        nameof(NoFurtherActionDipSamplePercent), nameof(CheckResponseWorkingHours), nameof(DecisionWarningPercent),
    ];

    [BindProperty]
    public string? ThresholdGuidance { get; set; }

    [BindProperty]
    public string? SupportContact { get; set; }

    [BindProperty]
    public string? WorkingDayStart { get; set; }

    [BindProperty]
    public string? WorkingDayEnd { get; set; }

    [BindProperty]
    public string? RedDecisionHours { get; set; }

    [BindProperty]
    public string? RedAroundTheClock { get; set; }

    [BindProperty]
    public string? AmberDecisionWorkingDays { get; set; }

    [BindProperty]
    public string? GreenDecisionWorkingDays { get; set; }

    [BindProperty]
    public string? FeedbackWithinWorkingDays { get; set; }

    [BindProperty]
    public string? NoFurtherActionDipSamplePercent { get; set; }

    [BindProperty]
    public string? CheckResponseWorkingHours { get; set; }

    [BindProperty]
    public string? DecisionWarningPercent { get; set; }

    public bool Saved { get; private set; }

    public async Task OnGetAsync()
    {
        var s = await db.HubSettings.SingleOrDefaultAsync() ?? new HubSettings { ThresholdGuidance = string.Empty };
        ThresholdGuidance = s.ThresholdGuidance;
        SupportContact = s.SupportContact;
        WorkingDayStart = s.WorkingDayStart.ToString("HH:mm", CultureInfo.InvariantCulture);
        WorkingDayEnd = s.WorkingDayEnd.ToString("HH:mm", CultureInfo.InvariantCulture);
        RedDecisionHours = s.RedDecisionHours.ToString(CultureInfo.InvariantCulture);
        RedAroundTheClock = s.RedAroundTheClock ? "yes" : "no";
        AmberDecisionWorkingDays = s.AmberDecisionWorkingDays.ToString(CultureInfo.InvariantCulture);
        GreenDecisionWorkingDays = s.GreenDecisionWorkingDays.ToString(CultureInfo.InvariantCulture);
        FeedbackWithinWorkingDays = s.FeedbackWithinWorkingDays.ToString(CultureInfo.InvariantCulture);
        NoFurtherActionDipSamplePercent = s.NoFurtherActionDipSamplePercent.ToString(CultureInfo.InvariantCulture);
        CheckResponseWorkingHours = s.CheckResponseWorkingHours.ToString(CultureInfo.InvariantCulture);
        DecisionWarningPercent = s.DecisionWarningPercent.ToString(CultureInfo.InvariantCulture);
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

        ModelState.CheckText(ThresholdGuidance, nameof(ThresholdGuidance), 8000, "Threshold guidance");
        ModelState.CheckText(SupportContact, nameof(SupportContact), 400, "Support contact");

        var start = Time(WorkingDayStart, nameof(WorkingDayStart), "the time the working day starts");
        var end = Time(WorkingDayEnd, nameof(WorkingDayEnd), "the time the working day ends");
        if (start is not null && end is not null && end <= start)
        {
            ModelState.AddModelError(nameof(WorkingDayEnd), "The working day must end after it starts");
        }

        var redHours = Number(RedDecisionHours, nameof(RedDecisionHours), "Red decision time", 0.5, 72);
        var amberDays = (int?)Number(AmberDecisionWorkingDays, nameof(AmberDecisionWorkingDays), "Amber decision time", 1, 20, whole: true);
        var greenDays = (int?)Number(GreenDecisionWorkingDays, nameof(GreenDecisionWorkingDays), "Green decision time", 1, 30, whole: true);
        var feedbackDays = (int?)Number(FeedbackWithinWorkingDays, nameof(FeedbackWithinWorkingDays), "Feedback time", 1, 10, whole: true);
        var dipSample = (int?)Number(NoFurtherActionDipSamplePercent, nameof(NoFurtherActionDipSamplePercent), "Dip sample share", 0, 100, whole: true);
        var checkHours = Number(CheckResponseWorkingHours, nameof(CheckResponseWorkingHours), "Check response time", 0.5, 40);
        var warning = (int?)Number(DecisionWarningPercent, nameof(DecisionWarningPercent), "Warning share", 10, 99, whole: true);
        if (RedAroundTheClock is not ("yes" or "no"))
        {
            ModelState.AddModelError(nameof(RedAroundTheClock), "Select whether red contacts run around the clock");
        }

        // Each answer below is given unless the model state holds its error.
        if (!ModelState.IsValid
            || (start, end, redHours, amberDays, greenDays, feedbackDays, dipSample) is not ({ } dayStart, { } dayEnd, { } red, { } amber, { } green, { } feedback, { } dip)
            || (checkHours, warning) is not ({ } checks, { } warn))
        {
            return Page();
        }

        var settings = await db.HubSettings.SingleOrDefaultAsync();
        if (settings is null)
        {
            settings = new HubSettings { HubId = db.Actor.RequiredHubId, ThresholdGuidance = ThresholdGuidance! };
            db.HubSettings.Add(settings);
        }

        settings.ThresholdGuidance = ThresholdGuidance!.Trim();
        settings.SupportContact = string.IsNullOrWhiteSpace(SupportContact) ? null : SupportContact.Trim();
        settings.WorkingDayStart = dayStart;
        settings.WorkingDayEnd = dayEnd;
        settings.RedDecisionHours = red;
        settings.RedAroundTheClock = RedAroundTheClock == "yes";
        settings.AmberDecisionWorkingDays = amber;
        settings.GreenDecisionWorkingDays = green;
        settings.FeedbackWithinWorkingDays = feedback;
        settings.NoFurtherActionDipSamplePercent = dip;
        settings.CheckResponseWorkingHours = checks;
        settings.DecisionWarningPercent = warn;
        await db.SaveChangesAsync();
        Saved = true;
        return Page();
    }

    private TimeOnly? Time(string? value, string field, string what)
    {
        if (TimeOnly.TryParseExact(value?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        ModelState.AddModelError(field, $"Enter {what} as a 24-hour time, like 09:00");
        return null;
    }

    private double? Number(string? value, string field, string label, double min, double max, bool whole = false)
    {
        if (double.TryParse(value?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max && (!whole || number == Math.Floor(number)))
        {
            return number;
        }

        ModelState.AddModelError(field, $"{label} must be a {(whole ? "whole number" : "number")} from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");
        return null;
    }
}
