using System.Globalization;
using OpenMash.Web.Features.Timeliness;

namespace OpenMash.Web.Tests.Features.Timeliness;

public class EnglandAndWalesBankHolidayCalendarTests
{
    private readonly EnglandAndWalesBankHolidayCalendar _calendar = new();

    [Theory]
    [InlineData("2024-12-25")] // Christmas Day
    [InlineData("2024-12-26")] // Boxing Day
    [InlineData("2025-04-18")] // Good Friday
    [InlineData("2025-04-21")] // Easter Monday
    [InlineData("2025-05-05")] // Early May bank holiday
    [InlineData("2025-05-26")] // Spring bank holiday
    [InlineData("2025-08-25")] // Summer bank holiday
    [InlineData("2026-12-25")] // Christmas Day (Friday)
    [InlineData("2026-12-28")] // Boxing Day falls on Saturday: substitute Monday
    public void IsBankHoliday_RegularAndSubstituteHolidaysOfEnglandAndWales_IsTrue(string date)
    {
        Assert.True(_calendar.IsBankHoliday(Parse(date)));
    }

    [Theory]
    [InlineData("2022-06-02")] // Spring bank holiday moved for the platinum jubilee
    [InlineData("2022-06-03")] // Platinum jubilee
    [InlineData("2022-09-19")] // State funeral of Queen Elizabeth II
    [InlineData("2023-05-08")] // Coronation of King Charles III
    public void IsBankHoliday_OneOffHolidays_IsTrue(string date)
    {
        Assert.True(_calendar.IsBankHoliday(Parse(date)));
    }

    [Theory]
    [InlineData("2024-12-27")] // Ordinary working Friday
    [InlineData("2022-05-30")] // Usual spring bank holiday date, moved in 2022
    [InlineData("2025-01-02")] // Scotland only
    [InlineData("2025-08-04")] // Scotland's summer bank holiday
    [InlineData("2025-12-01")] // St Andrew's Day substitute, Scotland only
    [InlineData("2025-03-17")] // St Patrick's Day, Northern Ireland only
    [InlineData("2025-07-14")] // Battle of the Boyne substitute, Northern Ireland only
    [InlineData("2026-12-26")] // Boxing Day on a Saturday: the holiday is the Monday
    public void IsBankHoliday_DaysThatAreNotHolidaysInEnglandAndWales_IsFalse(string date)
    {
        Assert.False(_calendar.IsBankHoliday(Parse(date)));
    }

    [Fact]
    public void BankHolidays_England2025_AreExactlyEight()
    {
        var days = Enumerable.Range(0, 365).Select(i => new DateOnly(2025, 1, 1).AddDays(i));
        Assert.Equal(8, days.Count(_calendar.IsBankHoliday));
    }

    private static DateOnly Parse(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
