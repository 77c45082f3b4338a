using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Shared;
using OpenMash.Web.Features.Timeliness;
using OpenMash.Web.Security;

namespace OpenMash.Web.Features.Admin.ClosureDays;

/// <summary>
/// The administrator's hub's closure days (hub-filtered): added for today or later, removed only while they are to
/// come, each change audited. The hub's clocks (<see cref="HubWorkingTime"/>) skip them from the next due time set.
/// </summary>
public sealed class ClosureDayService(OpenMashDbContext db, HubWorkingTime workingTime, IBankHolidayCalendar holidays, TimeProvider time)
{
    /// <summary>How far ahead a closure day may be set, so that a mistyped year is caught.</summary>
    public const int YearsAhead = 5;

    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>"Monday 3 May 2027".</summary>
    public static string Display(DateOnly date) => date.ToString("dddd d MMMM yyyy", Uk);

    /// <summary>Today in the hub's time zone.</summary>
    public async Task<DateOnly> TodayAsync(CancellationToken ct = default)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById((await workingTime.CalculatorAsync(ct)).Settings.TimeZoneId);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
    }

    public Task<List<HubClosureDay>> AllAsync(CancellationToken ct = default) =>
        db.ClosureDays.AsNoTracking().OrderBy(d => d.Date).ToListAsync(ct);

    /// <summary>Adds the day, or returns what is wrong with the answers (nothing is saved then).</summary>
    public async Task<(HubClosureDay? Added, List<ValidationError> Errors)> AddAsync(ClosureDayInput input, CancellationToken ct = default)
    {
        var errors = new List<ValidationError>();
        var date = input.Date.Parse(out var valid);
        var reason = errors.Require(input.Reason, nameof(ClosureDayInput.Reason), "Enter why the hub is closed, like \"Bank holiday for the coronation\"", HubClosureDay.MaxReasonLength, "Why the hub is closed");
        if (!valid || date is null)
        {
            errors.Insert(0, new(nameof(ClosureDayInput.Date), valid ? "Enter the date the hub is closed, like 3 5 2027" : "The date must be a real date, like 3 5 2027"));
        }
        else if (await ProblemWithAsync(date.Value, ct) is { } problem)
        {
            errors.Insert(0, new(nameof(ClosureDayInput.Date), problem));
        }

        if (errors.Count > 0 || date is not { } day)
        {
            return (null, errors);
        }

        var added = new HubClosureDay { Id = Guid.NewGuid(), HubId = db.Actor.RequiredHubId, Date = day, Reason = reason };
        db.ClosureDays.Add(added);
        db.Audit(AuditActions.AddClosureDay, targetType: nameof(HubClosureDay), targetId: added.Id.ToString(), purpose: "Administration",
            detail: $"{day:yyyy-MM-dd}: {reason}");
        await db.SaveChangesAsync(ct);
        return (added, errors);
    }

    /// <summary>Removes a day still to come; a day that has passed stays (due times were counted across it) and the reason is returned.</summary>
    public async Task<string?> RemoveAsync(HubClosureDay day, CancellationToken ct = default)
    {
        if (day.HasPassed(await TodayAsync(ct)))
        {
            return $"{Display(day.Date)} has passed, so it stays: due times were already counted without it";
        }

        db.ClosureDays.Remove(day);
        db.Audit(AuditActions.RemoveClosureDay, targetType: nameof(HubClosureDay), targetId: day.Id.ToString(), purpose: "Administration",
            detail: $"{day.Date:yyyy-MM-dd}: {day.Reason}");
        await db.SaveChangesAsync(ct);
        return null;
    }

    private async Task<string?> ProblemWithAsync(DateOnly date, CancellationToken ct)
    {
        var today = await TodayAsync(ct);
        var calculator = await workingTime.CalculatorAsync(ct);
        return date < today ? "The date must be today or in the future"
            : date > today.AddYears(YearsAhead) ? $"The date must be within the next {YearsAhead} years"
            : !calculator.Settings.WorkingDays.Contains(date.DayOfWeek) ? $"{Display(date)} is not a working day already: the hub does not work on {date.DayOfWeek}s"
            : holidays.IsBankHoliday(date) ? $"{Display(date)} is already a bank holiday, so the hub's clocks skip it"
            : await db.ClosureDays.AnyAsync(d => d.Date == date, ct) ? $"{Display(date)} is already a closure day"
            : null;
    }
}
