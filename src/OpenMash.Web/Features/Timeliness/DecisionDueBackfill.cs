using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;

namespace OpenMash.Web.Features.Timeliness;

/// <summary>
/// Gives a decision time to the undecided contacts recorded before the clock started at receipt (they were given one
/// only at screening, so one never screened had none, was never overdue and no manager was told): one working day
/// from receipt in its hub's working time, as <see cref="Contacts.ContactService"/> gives a new contact. Runs after the
/// migrations at start-up and in <c>migrate</c>; it finds nothing to do afterwards. Each change is audited.
/// </summary>
public static class DecisionDueBackfill
{
    public static async Task<int> RunAsync(OpenMashDbContext db, IBankHolidayCalendar holidays, CancellationToken ct = default)
    {
        var contacts = await db.Contacts.IgnoreQueryFilters()
            .Where(c => c.DecisionDueUtc == null && c.State != ContactState.Decided)
            .ToListAsync(ct);
        foreach (var hub in contacts.GroupBy(c => c.HubId))
        {
            var settings = await db.HubSettings.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(s => s.HubId == hub.Key, ct);
            var closures = await db.ClosureDays.IgnoreQueryFilters().Where(d => d.HubId == hub.Key).Select(d => d.Date).ToListAsync(ct);
            var calculator = new WorkingTimeCalculator(
                (settings is null ? WorkingTimeSettings.Default : HubWorkingTime.From(settings)) with { ClosureDays = closures.ToHashSet() }, holidays);
            foreach (var contact in hub)
            {
                contact.DecisionDueUtc = calculator.AddWorkingTime(
                    new DateTimeOffset(DateTime.SpecifyKind(contact.ReceivedAtUtc, DateTimeKind.Utc)), calculator.Settings.WorkingDayLength).UtcDateTime;
            }
        }

        await db.SaveChangesAsync(ct);
        return contacts.Count;
    }
}
