using OpenMash.Web.Features.Timeliness;

namespace OpenMash.Web.Tests.Features.Timeliness;

public class WorkingTimeCalculatorTests
{
    private static readonly EnglandAndWalesBankHolidayCalendar Holidays = new();
    private static readonly TimeSpan Bst = TimeSpan.FromHours(1);
    private static readonly TimeSpan Gmt = TimeSpan.Zero;

    private readonly WorkingTimeCalculator _calculator = new(WorkingTimeSettings.Default, Holidays);

    [Fact]
    public void AddWorkingTime_FourHoursFromFriday1600_IsMonday1200()
    {
        var due = _calculator.AddWorkingTime(At(2025, 1, 10, 16, 0, Gmt), TimeSpan.FromHours(4));

        Assert.Equal(At(2025, 1, 13, 12, 0, Gmt), due);
        Assert.Equal(TimeSpan.Zero, due.Offset);
    }

    [Fact]
    public void AddWorkingTime_InputWithAnyOffset_ReturnsUtc()
    {
        var due = _calculator.AddWorkingTime(At(2025, 6, 2, 10, 0, Bst), TimeSpan.FromHours(1));

        Assert.Equal(TimeSpan.Zero, due.Offset);
        Assert.Equal(new DateTimeOffset(2025, 6, 2, 10, 0, 0, TimeSpan.Zero), due); // 11:00 BST
    }

    [Fact]
    public void AddWorkingTime_LandingOnTheEndOfTheDay_IsDueAtCloseOfBusiness()
    {
        Assert.Equal(At(2025, 1, 10, 17, 0, Gmt), _calculator.AddWorkingTime(At(2025, 1, 10, 13, 0, Gmt), TimeSpan.FromHours(4)));
    }

    [Fact]
    public void AddWorkingTime_ZeroOutOfHours_IsTheNextWorkingDayStart()
    {
        Assert.Equal(At(2025, 1, 13, 9, 0, Gmt), _calculator.AddWorkingTime(At(2025, 1, 11, 2, 0, Gmt), TimeSpan.Zero));
        Assert.Equal(At(2025, 1, 13, 9, 0, Gmt), _calculator.AddWorkingTime(At(2025, 1, 13, 7, 30, Gmt), TimeSpan.Zero));
    }

    [Fact]
    public void AddWorkingTime_Negative_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _calculator.AddWorkingTime(At(2025, 1, 13, 9, 0, Gmt), TimeSpan.FromMinutes(-1)));
    }

    [Fact]
    public void AddWorkingTime_OverEaster_SkipsTheBankHolidays()
    {
        // Thursday 17 April 2025 15:00 BST: 2 hours that day, then Good Friday, the weekend and Easter Monday.
        var due = _calculator.AddWorkingTime(At(2025, 4, 17, 15, 0, Bst), TimeSpan.FromHours(4));

        Assert.Equal(At(2025, 4, 22, 11, 0, Bst), due);
    }

    [Fact]
    public void AddWorkingTime_OverChristmas2026_SkipsTheBoxingDaySubstituteMonday()
    {
        // Thursday 24 Dec 14:00 green: 3h on Thursday; Fri 25, weekend, Mon 28 closed; 8h Tue, 8h Wed, 5h Thu 31.
        var due = _calculator.For(RagRating.Green, At(2026, 12, 24, 14, 0, Gmt));

        Assert.Equal(At(2026, 12, 31, 14, 0, Gmt), due.DecisionDue);
    }

    [Fact]
    public void DueAt_AmberReceivedWednesdayOfThePlatinumJubilee_IsMonday()
    {
        // Thursday 2 and Friday 3 June 2022 were bank holidays, then the weekend.
        var due = _calculator.For(RagRating.Amber, At(2022, 6, 1, 11, 30, Bst));

        Assert.Equal(At(2022, 6, 1, 15, 30, Bst), due.ChecksDue);
        Assert.Equal(At(2022, 6, 6, 11, 30, Bst), due.DecisionDue);
    }

    [Fact]
    public void DueAt_GreenReceivedWednesdayOfThePlatinumJubilee_SkipsBothHolidays()
    {
        // 5.5h on Wednesday 1 June; checks need 12h: 6.5h on Monday 6. Decision needs 24h: Mon, Tue, then 2.5h on Wed 8.
        var due = _calculator.For(RagRating.Green, At(2022, 6, 1, 11, 30, Bst));

        Assert.Equal(At(2022, 6, 6, 15, 30, Bst), due.ChecksDue);
        Assert.Equal(At(2022, 6, 8, 11, 30, Bst), due.DecisionDue);
    }

    [Fact]
    public void DueAt_AmberReceivedAtTheStartOfTheDay_IsItsEnd()
    {
        var due = _calculator.For(RagRating.Amber, At(2022, 6, 1, 9, 0, Bst));

        Assert.Equal(At(2022, 6, 1, 17, 0, Bst), due.DecisionDue);
    }

    [Fact]
    public void AddWorkingTime_OverTheStateFuneral_SkipsIt()
    {
        // Friday 16 Sep 2022 14:00 amber: 3h Friday, weekend, Monday 19 state funeral, 5h Tuesday.
        var due = _calculator.For(RagRating.Amber, At(2022, 9, 16, 14, 0, Bst));

        Assert.Equal(At(2022, 9, 20, 14, 0, Bst), due.DecisionDue);
    }

    [Fact]
    public void AddWorkingTime_OverTheCoronation_SkipsIt()
    {
        // Friday 5 May 2023 16:00 red: 1h Friday, weekend, Monday 8 coronation, 3h Tuesday.
        var due = _calculator.For(RagRating.Red, At(2023, 5, 5, 16, 0, Bst));

        Assert.Equal(At(2023, 5, 9, 12, 0, Bst), due.DecisionDue);
    }

    [Fact]
    public void DueAt_RedReceivedOutOfHoursOnSaturday_CountsFromMonday0900()
    {
        var due = _calculator.For(RagRating.Red, At(2025, 1, 11, 2, 0, Gmt));

        Assert.Equal(At(2025, 1, 13, 11, 0, Gmt), due.ChecksDue);
        Assert.Equal(At(2025, 1, 13, 13, 0, Gmt), due.DecisionDue);
    }

    [Fact]
    public void DueAt_RedAroundTheClock_CountsElapsedHours()
    {
        var calculator = new WorkingTimeCalculator(WorkingTimeSettings.Default with { RedAroundTheClock = true }, Holidays);

        var due = calculator.For(RagRating.Red, At(2025, 1, 11, 2, 0, Gmt));

        Assert.Equal(At(2025, 1, 11, 4, 0, Gmt), due.ChecksDue);
        Assert.Equal(At(2025, 1, 11, 6, 0, Gmt), due.DecisionDue);
    }

    [Fact]
    public void DueAt_RedAroundTheClock_LeavesAmberAndGreenInWorkingTime()
    {
        var calculator = new WorkingTimeCalculator(WorkingTimeSettings.Default with { RedAroundTheClock = true }, Holidays);

        Assert.Equal(At(2025, 1, 13, 17, 0, Gmt), calculator.For(RagRating.Amber, At(2025, 1, 11, 2, 0, Gmt)).DecisionDue);
    }

    [Fact]
    public void DueAt_RedAroundTheClockOverTheSpringClockChange_IsRealElapsedTime()
    {
        var calculator = new WorkingTimeCalculator(WorkingTimeSettings.Default with { RedAroundTheClock = true }, Holidays);

        // Saturday 29 March 2025 23:00 GMT; clocks go forward at 01:00 GMT on Sunday 30 March.
        var due = calculator.For(RagRating.Red, At(2025, 3, 29, 23, 0, Gmt));

        Assert.Equal(new DateTimeOffset(2025, 3, 30, 3, 0, 0, TimeSpan.Zero), due.DecisionDue);
        Assert.Equal(At(2025, 3, 30, 4, 0, Bst), due.DecisionDue); // the wall clock shows 5 hours later
    }

    [Fact]
    public void DueAt_RedAroundTheClockOverTheAutumnClockChange_IsRealElapsedTime()
    {
        var calculator = new WorkingTimeCalculator(WorkingTimeSettings.Default with { RedAroundTheClock = true }, Holidays);

        // Saturday 25 October 2025 23:30 BST; clocks go back at 01:00 GMT on Sunday 26 October.
        var due = calculator.For(RagRating.Red, At(2025, 10, 25, 23, 30, Bst));

        Assert.Equal(new DateTimeOffset(2025, 10, 26, 2, 30, 0, TimeSpan.Zero), due.DecisionDue);
        Assert.Equal(At(2025, 10, 26, 2, 30, Gmt), due.DecisionDue); // the wall clock shows 3 hours later
    }

    [Fact]
    public void IsWorkingTime_InSummerAndWinter_StartsAt0800And0900Utc()
    {
        Assert.False(_calculator.IsWorkingTime(new DateTimeOffset(2025, 3, 31, 7, 59, 0, TimeSpan.Zero)));
        Assert.True(_calculator.IsWorkingTime(new DateTimeOffset(2025, 3, 31, 8, 0, 0, TimeSpan.Zero)));
        Assert.True(_calculator.IsWorkingTime(new DateTimeOffset(2025, 3, 31, 15, 59, 0, TimeSpan.Zero)));
        Assert.False(_calculator.IsWorkingTime(new DateTimeOffset(2025, 3, 31, 16, 0, 0, TimeSpan.Zero)));

        Assert.False(_calculator.IsWorkingTime(new DateTimeOffset(2025, 1, 13, 8, 30, 0, TimeSpan.Zero)));
        Assert.True(_calculator.IsWorkingTime(new DateTimeOffset(2025, 1, 13, 9, 0, 0, TimeSpan.Zero)));
        Assert.True(_calculator.IsWorkingTime(new DateTimeOffset(2025, 1, 13, 16, 30, 0, TimeSpan.Zero)));
        Assert.False(_calculator.IsWorkingTime(new DateTimeOffset(2025, 1, 13, 17, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void IsWorkingTime_WeekendsAndBankHolidays_AreNot()
    {
        Assert.False(_calculator.IsWorkingTime(At(2025, 1, 11, 12, 0, Gmt))); // Saturday
        Assert.False(_calculator.IsWorkingTime(At(2025, 1, 12, 12, 0, Gmt))); // Sunday
        Assert.False(_calculator.IsWorkingTime(At(2025, 12, 25, 12, 0, Gmt))); // Christmas Day
        Assert.False(_calculator.IsWorkingTime(At(2022, 9, 19, 12, 0, Bst))); // State funeral
    }

    [Fact]
    public void AddWorkingTime_FromFridayBeforeTheSpringChange_ReachesMondayAfter()
    {
        // Friday 28 March 2025 16:00 GMT + 4 working hours = Monday 31 March 12:00 BST = 11:00 UTC.
        var due = _calculator.AddWorkingTime(At(2025, 3, 28, 16, 0, Gmt), TimeSpan.FromHours(4));

        Assert.Equal(new DateTimeOffset(2025, 3, 31, 11, 0, 0, TimeSpan.Zero), due);
        Assert.Equal(TimeSpan.FromHours(4), _calculator.WorkingTimeBetween(At(2025, 3, 28, 16, 0, Gmt), due));
    }

    [Fact]
    public void AddWorkingTime_FromFridayBeforeTheAutumnChange_ReachesMondayAfter()
    {
        // Friday 24 October 2025 16:00 BST + 4 working hours = Monday 27 October 12:00 GMT.
        var due = _calculator.AddWorkingTime(At(2025, 10, 24, 16, 0, Bst), TimeSpan.FromHours(4));

        Assert.Equal(new DateTimeOffset(2025, 10, 27, 12, 0, 0, TimeSpan.Zero), due);
    }

    [Fact]
    public void AddWorkingTime_SundayWorkingOnTheSpringChangeDay_KeepsLocalHours()
    {
        var calculator = new WorkingTimeCalculator(SevenDays(new TimeOnly(9, 0), new TimeOnly(17, 0)), Holidays);

        Assert.False(calculator.IsWorkingTime(new DateTimeOffset(2025, 3, 30, 7, 59, 0, TimeSpan.Zero)));
        Assert.True(calculator.IsWorkingTime(new DateTimeOffset(2025, 3, 30, 8, 0, 0, TimeSpan.Zero))); // 09:00 BST
        Assert.Equal(
            TimeSpan.FromHours(8),
            calculator.WorkingTimeBetween(new DateTimeOffset(2025, 3, 30, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 3, 30, 23, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void WorkingTimeBetween_SpanningTheSpringChange_IsAnHourShorter()
    {
        // 00:30 GMT to 03:30 BST on Sunday 30 March 2025 is 00:30 to 02:30 UTC.
        var calculator = new WorkingTimeCalculator(SevenDays(new TimeOnly(0, 30), new TimeOnly(3, 30)), Holidays);
        var midnight = new DateTimeOffset(2025, 3, 30, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(TimeSpan.FromHours(2), calculator.WorkingTimeBetween(midnight, midnight.AddHours(12)));
        Assert.Equal(new DateTimeOffset(2025, 3, 30, 2, 30, 0, TimeSpan.Zero), calculator.AddWorkingTime(midnight, TimeSpan.FromHours(2)));
        Assert.Equal(
            At(2025, 3, 31, 0, 31, Bst),
            calculator.AddWorkingTime(midnight, TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void WorkingTimeBetween_SpanningTheAutumnChange_IsAnHourLonger()
    {
        // 00:30 BST on Sunday 26 October 2025 is 23:30 UTC on Saturday; 03:30 GMT is 03:30 UTC.
        var calculator = new WorkingTimeCalculator(SevenDays(new TimeOnly(0, 30), new TimeOnly(3, 30)), Holidays);

        Assert.Equal(
            TimeSpan.FromHours(4),
            calculator.WorkingTimeBetween(new DateTimeOffset(2025, 10, 25, 12, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 10, 26, 12, 0, 0, TimeSpan.Zero)));
        Assert.True(calculator.IsWorkingTime(new DateTimeOffset(2025, 10, 25, 23, 30, 0, TimeSpan.Zero)));
        Assert.True(calculator.IsWorkingTime(new DateTimeOffset(2025, 10, 26, 3, 29, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void AddWorkingTime_StartInTheSpringGap_IsWhenTheClocksSkipPastIt()
    {
        // 01:30 local does not exist on 30 March 2025: it is taken as 02:30 BST = 01:30 UTC. End 05:00 BST = 04:00 UTC.
        var calculator = new WorkingTimeCalculator(SevenDays(new TimeOnly(1, 30), new TimeOnly(5, 0)), Holidays);
        var midnight = new DateTimeOffset(2025, 3, 30, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2025, 3, 30, 1, 30, 0, TimeSpan.Zero), calculator.AddWorkingTime(midnight, TimeSpan.Zero));
        Assert.Equal(TimeSpan.FromHours(2.5), calculator.WorkingTimeBetween(midnight, midnight.AddHours(12)));
    }

    [Fact]
    public void AddWorkingTime_StartThatOccursTwiceInTheAutumn_IsItsFirstOccurrence()
    {
        // 01:30 local happens twice on 26 October 2025: first at 01:30 BST = 00:30 UTC. End 05:00 GMT = 05:00 UTC.
        var calculator = new WorkingTimeCalculator(SevenDays(new TimeOnly(1, 30), new TimeOnly(5, 0)), Holidays);
        var midnight = new DateTimeOffset(2025, 10, 26, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2025, 10, 26, 0, 30, 0, TimeSpan.Zero), calculator.AddWorkingTime(midnight, TimeSpan.Zero));
        Assert.Equal(TimeSpan.FromHours(4.5), calculator.WorkingTimeBetween(midnight, midnight.AddHours(12)));
    }

    [Fact]
    public void DueAt_AmberAndGreen_AreOneAndThreeWorkingDays()
    {
        Assert.Equal(TimeSpan.FromHours(4), _calculator.DecisionAllowance(RagRating.Red));
        Assert.Equal(TimeSpan.FromHours(8), _calculator.DecisionAllowance(RagRating.Amber));
        Assert.Equal(TimeSpan.FromHours(24), _calculator.DecisionAllowance(RagRating.Green));
    }

    [Theory]
    [InlineData(RagRating.Red, 2025, 1, 13, 11, 2025, 1, 13, 13)]
    [InlineData(RagRating.Amber, 2025, 1, 13, 13, 2025, 1, 13, 17)]
    [InlineData(RagRating.Green, 2025, 1, 14, 13, 2025, 1, 15, 17)]
    public void DueAt_AnyRating_ChecksAreDueAtHalfTheDecisionAllowance(
        RagRating rating, int checksYear, int checksMonth, int checksDay, int checksHour, int decisionYear, int decisionMonth, int decisionDay, int decisionHour)
    {
        var received = At(2025, 1, 13, 9, 0, Gmt); // Monday

        var due = _calculator.For(rating, received);

        Assert.Equal(At(checksYear, checksMonth, checksDay, checksHour, 0, Gmt), due.ChecksDue);
        Assert.Equal(At(decisionYear, decisionMonth, decisionDay, decisionHour, 0, Gmt), due.DecisionDue);
        Assert.Equal(_calculator.WorkingTimeBetween(received, due.DecisionDue) / 2, _calculator.WorkingTimeBetween(received, due.ChecksDue));
    }

    [Fact]
    public void DueAt_WithHubSettings_ChangesAllowancesAndCheckFraction()
    {
        var settings = WorkingTimeSettings.Default with
        {
            RedDecisionAllowance = TimeSpan.FromHours(2),
            AmberDecisionWorkingDays = 2,
            CheckFraction = 0.25,
            WorkingDayStart = new TimeOnly(8, 0),
            WorkingDayEnd = new TimeOnly(18, 0),
        };
        var calculator = new WorkingTimeCalculator(settings, Holidays);
        var received = At(2025, 1, 13, 8, 0, Gmt);

        Assert.Equal(new DueTimes(At(2025, 1, 13, 8, 30, Gmt), At(2025, 1, 13, 10, 0, Gmt)), calculator.For(RagRating.Red, received));
        Assert.Equal(new DueTimes(At(2025, 1, 13, 13, 0, Gmt), At(2025, 1, 14, 18, 0, Gmt)), calculator.For(RagRating.Amber, received));
    }

    [Fact]
    public void AddWorkingTime_OverHubClosureDays_SkipsThem()
    {
        var settings = WorkingTimeSettings.Default with { ClosureDays = new HashSet<DateOnly> { new(2025, 1, 13) } };
        var calculator = new WorkingTimeCalculator(settings, Holidays);

        Assert.Equal(At(2025, 1, 14, 12, 0, Gmt), calculator.AddWorkingTime(At(2025, 1, 10, 16, 0, Gmt), TimeSpan.FromHours(4)));
        Assert.False(calculator.IsWorkingDay(new DateOnly(2025, 1, 13)));
    }

    [Fact]
    public void WorkingTimeBetween_EndBeforeStart_IsNegative()
    {
        var a = At(2025, 1, 10, 16, 0, Gmt);
        var b = At(2025, 1, 13, 12, 0, Gmt);

        Assert.Equal(TimeSpan.FromHours(4), _calculator.WorkingTimeBetween(a, b));
        Assert.Equal(TimeSpan.FromHours(-4), _calculator.WorkingTimeBetween(b, a));
        Assert.Equal(TimeSpan.Zero, _calculator.WorkingTimeBetween(a, a));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void WorkingTimeBetween_AfterAddWorkingTime_IsItsInverse(bool sevenDaysAcrossClockChanges)
    {
        var settings = sevenDaysAcrossClockChanges ? SevenDays(new TimeOnly(0, 30), new TimeOnly(3, 30)) : WorkingTimeSettings.Default;
        var calculator = new WorkingTimeCalculator(settings, Holidays);
        var random = new Random(20220919);
        var first = new DateTimeOffset(2022, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var minutesInRange = (int)(new DateTimeOffset(2028, 1, 1, 0, 0, 0, TimeSpan.Zero) - first).TotalMinutes;

        for (var i = 0; i < 2000; i++)
        {
            var start = first.AddMinutes(random.Next(minutesInRange)).AddSeconds(random.Next(60));
            var duration = TimeSpan.FromMinutes(random.Next(5 * 8 * 60)) + TimeSpan.FromSeconds(random.Next(60));

            var end = calculator.AddWorkingTime(start, duration);

            Assert.True(end >= start, $"{start:o} + {duration} gave {end:o}");
            Assert.Equal(duration, calculator.WorkingTimeBetween(start, end));

            var other = start.AddMinutes(random.Next(-20_000, 20_000));
            var (from, to) = other < start ? (other, start) : (start, other);
            var between = calculator.WorkingTimeBetween(from, to);
            Assert.Equal(TimeSpan.Zero, calculator.WorkingTimeBetween(calculator.AddWorkingTime(from, between), to));
            if (calculator.IsWorkingTime(to))
            {
                Assert.Equal(to, calculator.AddWorkingTime(from, between));
            }
        }
    }

    [Fact]
    public void Settings_Invalid_AreRejected()
    {
        Assert.Throws<ArgumentException>(() => new WorkingTimeCalculator(WorkingTimeSettings.Default with { WorkingDayEnd = new TimeOnly(9, 0) }, Holidays));
        Assert.Throws<ArgumentException>(() => new WorkingTimeCalculator(WorkingTimeSettings.Default with { WorkingDays = new HashSet<DayOfWeek>() }, Holidays));
        Assert.Throws<ArgumentException>(() => new WorkingTimeCalculator(WorkingTimeSettings.Default with { CheckFraction = 0 }, Holidays));
        Assert.Throws<ArgumentException>(() => new WorkingTimeCalculator(WorkingTimeSettings.Default with { AmberDecisionWorkingDays = 0 }, Holidays));
        Assert.Throws<TimeZoneNotFoundException>(() => new WorkingTimeCalculator(WorkingTimeSettings.Default with { TimeZoneId = "Europe/Nowhere" }, Holidays));
    }

    [Fact]
    public void AddWorkingTime_HubClosedForGood_FailsInsteadOfLooping()
    {
        var closed = Enumerable.Range(0, 800).Select(i => new DateOnly(2025, 1, 1).AddDays(i)).ToHashSet();
        var calculator = new WorkingTimeCalculator(WorkingTimeSettings.Default with { ClosureDays = closed }, Holidays);

        Assert.Throws<InvalidOperationException>(() => calculator.AddWorkingTime(At(2025, 1, 1, 9, 0, Gmt), TimeSpan.FromHours(1)));
    }

    private static WorkingTimeSettings SevenDays(TimeOnly start, TimeOnly end) => WorkingTimeSettings.Default with
    {
        WorkingDays = Enum.GetValues<DayOfWeek>().ToHashSet(),
        WorkingDayStart = start,
        WorkingDayEnd = end,
    };

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute, TimeSpan offset) =>
        new(year, month, day, hour, minute, 0, offset);
}
