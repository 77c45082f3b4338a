using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenMash.Web.Features.Timeliness;
using OpenMash.Web.Tests.Features.People;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Features.Admin;

/// <summary>
/// An administrator adds a closure day (a newly announced bank holiday) for their own hub: the hub's clocks skip it,
/// the other hub's do not, and another hub's administrator can neither see nor remove it.
/// </summary>
public sealed class ClosureDaysTests(OpenMashFactory factory) : IClassFixture<OpenMashFactory>
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly EnglandAndWalesBankHolidayCalendar Holidays = new();

    [Fact]
    public async Task AddClosureDay_OnAWorkingTuesday_IsListedAuditedAndSkippedByTheHubsClocksOnly()
    {
        var tuesday = TuesdayBetweenWorkingDays(weeksAhead: 6);
        var admin = new PageClient(factory.CreateBrowserlessClient());
        await admin.SignInAsDemoAsync("staffs.admin");

        var response = await admin.PostFormAsync("/Admin/ClosureDays", DateFields(tuesday, "Bank holiday for the demo coronation"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, page) = await admin.GetPageAsync("/Admin/ClosureDays");
        Assert.Contains(Display(tuesday) + " added as a closure day", page.QuerySelector("[data-testid=banner-text]")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Bank holiday for the demo coronation", page.QuerySelector("[data-testid=upcoming]")?.TextContent, StringComparison.Ordinal);
        var audit = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.AddClosureDay && e.Detail!.StartsWith(tuesday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));
        Assert.Equal("staffs.admin", audit.UserName);

        // Amber (one working day) received on the Monday at 13:00 is due on Wednesday at 13:00, not on the Tuesday.
        var mondayAfternoon = Local(tuesday.AddDays(-1), 13);
        var staffs = await CalculatorAsync("STAFFS");
        Assert.False(staffs.IsWorkingDay(tuesday));
        Assert.Equal(Local(tuesday.AddDays(1), 13), staffs.For(RagRating.Amber, mondayAfternoon).DecisionDue);
        var stoke = await CalculatorAsync("STOKE");
        Assert.True(stoke.IsWorkingDay(tuesday));
        Assert.Equal(Local(tuesday, 13), stoke.For(RagRating.Amber, mondayAfternoon).DecisionDue);
    }

    [Fact]
    public async Task AddClosureDay_WithBadAnswers_ShowsEachErrorAndSavesNothing()
    {
        var admin = new PageClient(factory.CreateBrowserlessClient());
        await admin.SignInAsDemoAsync("stoke.admin");
        var before = await factory.WithDbAsync(db => db.ClosureDays.IgnoreQueryFilters().CountAsync());
        var today = Today();
        var saturday = Enumerable.Range(1, 7).Select(today.AddDays).First(d => d.DayOfWeek == DayOfWeek.Saturday);
        var christmas = Enumerable.Range(today.Year + 1, 3).Select(y => new DateOnly(y, 12, 25)).First(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));

        var notADate = await PageClient.ParseAsync(await admin.PostFormAsync("/Admin/ClosureDays", [new("Date.Day", "31"), new("Date.Month", "2"), new("Date.Year", "2027"), new("Reason", "")]));
        Assert.Equal(["#Date", "#Reason"], notADate.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")).ToList());
        Assert.Equal("31", notADate.QuerySelector("#Date")?.GetAttribute("value"));

        Assert.Contains("today or in the future", await ErrorAsync(admin, today.AddDays(-1)), StringComparison.Ordinal);
        Assert.Contains("not a working day", await ErrorAsync(admin, saturday), StringComparison.Ordinal);
        Assert.Contains("already a bank holiday", await ErrorAsync(admin, christmas), StringComparison.Ordinal);
        Assert.Contains("within the next 5 years", await ErrorAsync(admin, today.AddYears(6)), StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => db.ClosureDays.IgnoreQueryFilters().CountAsync()));
    }

    [Fact]
    public async Task ClosureDay_OfAnotherHub_IsNeitherShownNorRemovable()
    {
        var day = TuesdayBetweenWorkingDays(weeksAhead: 8);
        var id = await AddAsync("STAFFS", day, "Staffordshire training day (demo)");
        var stoke = new PageClient(factory.CreateBrowserlessClient());
        await stoke.SignInAsDemoAsync("stoke.admin");

        var (list, page) = await stoke.GetPageAsync("/Admin/ClosureDays");
        var get = await stoke.Http.GetAsync(new Uri($"/Admin/ClosureDays/Remove/{id}", UriKind.Relative));
        var post = await stoke.PostFormAsync("/Admin/ClosureDays", [], action: $"/Admin/ClosureDays/Remove/{id}");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.DoesNotContain("Staffordshire training day", page.Body?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.ClosureDays.IgnoreQueryFilters().AnyAsync(d => d.Id == id)));
        Assert.Equal(2, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.UserName == "stoke.admin" && e.TargetId == id.ToString() && e.Outcome == AuditOutcome.Refused)));
        var screener = new PageClient(factory.CreateBrowserlessClient());
        await screener.SignInAsDemoAsync("staffs.screener");
        Assert.Equal(HttpStatusCode.Forbidden, (await screener.Http.GetAsync(new Uri("/Admin/ClosureDays", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task RemoveClosureDay_ToCome_IsRemovedAuditedAndCountedAgain()
    {
        var day = TuesdayBetweenWorkingDays(weeksAhead: 10);
        var id = await AddAsync("STAFFS", day, "Announced in error (demo)");
        Assert.False((await CalculatorAsync("STAFFS")).IsWorkingDay(day));
        var admin = new PageClient(factory.CreateBrowserlessClient());
        await admin.SignInAsDemoAsync("staffs.admin");
        var (confirm, page) = await admin.GetPageAsync($"/Admin/ClosureDays/Remove/{id}");
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Contains(Display(day), page.QuerySelector("h1")?.TextContent, StringComparison.Ordinal);

        var response = await admin.PostFormAsync($"/Admin/ClosureDays/Remove/{id}", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.ClosureDays.IgnoreQueryFilters().AnyAsync(d => d.Id == id)));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.RemoveClosureDay && e.TargetId == id.ToString() && e.UserName == "staffs.admin")));
        Assert.True((await CalculatorAsync("STAFFS")).IsWorkingDay(day));
    }

    [Fact]
    public async Task RemoveClosureDay_ThatHasPassed_StaysAndSaysWhy()
    {
        var yesterday = Today().AddDays(-1);
        var id = await AddAsync("STAFFS", yesterday, "Snow closure (demo)");
        var admin = new PageClient(factory.CreateBrowserlessClient());
        await admin.SignInAsDemoAsync("staffs.admin");

        var response = await admin.PostFormAsync($"/Admin/ClosureDays/Remove/{id}", []);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("has passed", (await PageClient.ParseAsync(response)).QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.ClosureDays.IgnoreQueryFilters().AnyAsync(d => d.Id == id)));
    }

    private static KeyValuePair<string, string>[] DateFields(DateOnly date, string reason) =>
    [
        new("Date.Day", date.Day.ToString(CultureInfo.InvariantCulture)), new("Date.Month", date.Month.ToString(CultureInfo.InvariantCulture)),
        new("Date.Year", date.Year.ToString(CultureInfo.InvariantCulture)), new("Reason", reason),
    ];

    private static async Task<string?> ErrorAsync(PageClient admin, DateOnly date) =>
        (await PageClient.ParseAsync(await admin.PostFormAsync("/Admin/ClosureDays", DateFields(date, "A reason (demo)")))).QuerySelector(".govuk-error-summary")?.TextContent;

    private static string Display(DateOnly date) => date.ToString("dddd d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    private DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(factory.Clock.GetUtcNow(), London).DateTime);

    /// <summary>A Tuesday some weeks ahead with working days (no bank holiday) either side of it.</summary>
    private DateOnly TuesdayBetweenWorkingDays(int weeksAhead)
    {
        var day = Today().AddDays(7 * weeksAhead);
        while (day.DayOfWeek != DayOfWeek.Tuesday || Holidays.IsBankHoliday(day) || Holidays.IsBankHoliday(day.AddDays(-1)) || Holidays.IsBankHoliday(day.AddDays(1)))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    private static DateTimeOffset Local(DateOnly date, int hour)
    {
        var local = date.ToDateTime(new TimeOnly(hour, 0));
        return new DateTimeOffset(local, London.GetUtcOffset(local)).ToUniversalTime();
    }

    private Task<Guid> AddAsync(string hub, DateOnly date, string reason) => TestPeople.AsHubAsync(factory, hub, async (_, db) =>
    {
        var day = new HubClosureDay { Id = Guid.NewGuid(), HubId = db.CurrentHubId!.Value, Date = date, Reason = reason };
        db.ClosureDays.Add(day);
        await db.SaveChangesAsync();
        return day.Id;
    });

    private Task<WorkingTimeCalculator> CalculatorAsync(string hub) =>
        TestPeople.AsHubAsync(factory, hub, (services, _) => services.GetRequiredService<HubWorkingTime>().CalculatorAsync());
}
