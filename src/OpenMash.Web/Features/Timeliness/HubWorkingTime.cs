using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;

namespace OpenMash.Web.Features.Timeliness;

/// <summary>The working-time calculator for the current hub, from the hub's own settings and closure days.</summary>
public sealed class HubWorkingTime(OpenMashDbContext db, IBankHolidayCalendar holidays)
{
    private WorkingTimeCalculator? _calculator;

    public async Task<WorkingTimeCalculator> CalculatorAsync(CancellationToken ct = default)
    {
        if (_calculator is not null)
        {
            return _calculator;
        }

        var settings = await db.HubSettings.AsNoTracking().SingleOrDefaultAsync(ct);
        var closures = await db.ClosureDays.Select(d => d.Date).ToListAsync(ct);
        _calculator = new WorkingTimeCalculator((settings is null ? WorkingTimeSettings.Default : From(settings)) with { ClosureDays = closures.ToHashSet() }, holidays);
        return _calculator;
    }

    public static WorkingTimeSettings From(HubSettings s) => WorkingTimeSettings.Default with
    {
        WorkingDayStart = s.WorkingDayStart,
        WorkingDayEnd = s.WorkingDayEnd,
        RedDecisionAllowance = TimeSpan.FromHours(s.RedDecisionHours),
        AmberDecisionWorkingDays = s.AmberDecisionWorkingDays,
        GreenDecisionWorkingDays = s.GreenDecisionWorkingDays,
        RedAroundTheClock = s.RedAroundTheClock,
    };
}
