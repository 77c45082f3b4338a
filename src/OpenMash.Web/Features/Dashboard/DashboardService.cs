using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Timeliness;

namespace OpenMash.Web.Features.Dashboard;

public sealed class DashboardService(OpenMashDbContext db, HubWorkingTime workingTime)
{
    public async Task<DashboardFigures> FiguresAsync(DateTime nowUtc, CancellationToken ct = default)
    {
        var calculator = await workingTime.CalculatorAsync(ct);
        var counts = await db.Contacts.GroupBy(c => c.State).Select(g => new { State = g.Key, Count = g.Count() }).ToListAsync(ct);
        var byState = Enum.GetValues<ContactState>().ToDictionary(s => s, s => counts.Where(c => c.State == s).Sum(c => c.Count));
        // The clock runs from receipt, so a contact no one has screened yet can already be overdue.
        var unscreened = byState[ContactState.AwaitingScreening];
        var unscreenedOverdue = await db.Contacts.CountAsync(c => c.State == ContactState.AwaitingScreening && c.DecisionDueUtc != null && c.DecisionDueUtc < nowUtc, ct);
        var decisionsOverdue = await db.Contacts.CountAsync(c => c.State != ContactState.Decided && c.DecisionDueUtc != null && c.DecisionDueUtc < nowUtc, ct);

        // Calendar month in UTC.
        var monthStart = new DateTime(nowUtc.Year, nowUtc.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var monthEnd = monthStart.AddMonths(1);
        var decided = await db.Contacts
            .Where(c => c.DecidedAtUtc != null && c.DecidedAtUtc >= monthStart && c.DecidedAtUtc < monthEnd)
            .Select(c => new { c.ReceivedAtUtc, DecidedAtUtc = c.DecidedAtUtc!.Value })
            .ToListAsync(ct);
        var hours = decided.Select(d => WorkingHours(calculator, d.ReceivedAtUtc, d.DecidedAtUtc)).Order().ToList();
        var oneDay = calculator.Settings.WorkingDayLength.TotalHours;

        var checks = await db.Checks
            .Select(c => new { AgencyName = c.Agency.Name, c.Status, c.RequestedAtUtc, c.AnsweredAtUtc, c.DueAtUtc })
            .ToListAsync(ct);
        var agencies = checks
            .GroupBy(c => c.AgencyName)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var answered = g.Where(c => c.Status == CheckStatus.Answered && c.AnsweredAtUtc != null)
                    .Select(c => WorkingHours(calculator, c.RequestedAtUtc, c.AnsweredAtUtc!.Value)).Order().ToList();
                var open = g.Where(c => c.Status == CheckStatus.Requested).ToList();
                return new AgencyResponse(g.Key, answered.Count, Median(answered), open.Count, open.Count(c => c.DueAtUtc < nowUtc));
            })
            .ToList();

        return new DashboardFigures(
            byState,
            decisionsOverdue,
            agencies.Sum(a => a.Overdue),
            hours.Count,
            Median(hours),
            Percentile(hours, 0.9),
            hours.Count == 0 ? null : (double)hours.Count(h => h <= oneDay) / hours.Count,
            agencies,
            unscreened,
            unscreenedOverdue);
    }

    public static double WorkingHours(WorkingTimeCalculator calculator, DateTime fromUtc, DateTime toUtc) =>
        calculator.WorkingTimeBetween(Utc(fromUtc), Utc(toUtc)).TotalHours;

    /// <summary>Middle value of sorted values; the mean of the two middle ones for an even count.</summary>
    public static double? Median(IReadOnlyList<double> sorted) => sorted.Count switch
    {
        0 => null,
        var n when n % 2 == 1 => sorted[n / 2],
        var n => (sorted[(n / 2) - 1] + sorted[n / 2]) / 2,
    };

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? null : sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
