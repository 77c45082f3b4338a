using System.Collections.Concurrent;
using System.Collections.Frozen;
using PublicHoliday;

namespace OpenMash.Web.Features.Timeliness;

/// <summary>
/// Bank holidays of England and Wales, from the maintained <c>PublicHoliday</c> package
/// (<see cref="UKBankHoliday"/> for <see cref="UKBankHoliday.UkCountries.England"/>; Wales has the same days).
/// </summary>
/// <remarks>
/// Checked for PublicHoliday 3.17.0: it includes the one-off holidays (2022-06-02 and 2022-06-03 platinum
/// jubilee, 2022-09-19 state funeral, 2023-05-08 coronation) and substitute days, and leaves out the
/// Scottish and Northern Irish holidays. Tests pin these dates, so a package update that changes them fails.
/// When a new one-off holiday is announced, update the package; until a release has it, each hub's administrator
/// adds the date as a closure day (Administration, Closure days), which reaches <see cref="WorkingTimeSettings.ClosureDays"/>.
/// </remarks>
public sealed class EnglandAndWalesBankHolidayCalendar : IBankHolidayCalendar
{
    private readonly UKBankHoliday _source = new(UKBankHoliday.UkCountries.England);
    private readonly ConcurrentDictionary<int, FrozenSet<DateOnly>> _byYear = new();

    public bool IsBankHoliday(DateOnly date) => _byYear.GetOrAdd(date.Year, LoadYear).Contains(date);

    private FrozenSet<DateOnly> LoadYear(int year) =>
        _source.PublicHolidays(year).Select(DateOnly.FromDateTime).ToFrozenSet();
}
