using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpenMash.Web.Features.Timeliness;
using OpenMash.Web.Tests.Features.People;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Features.Admin;

public sealed class HubSettingsTests(OpenMashFactory factory) : IClassFixture<OpenMashFactory>
{
    private static readonly KeyValuePair<string, string>[] Valid =
    [
        new("ThresholdGuidance", "Fictional guidance."), new("WorkingDayStart", "08:30"), new("WorkingDayEnd", "16:30"),
        new("RedDecisionHours", "4"), new("RedAroundTheClock", "yes"), new("AmberDecisionWorkingDays", "2"),
        new("GreenDecisionWorkingDays", "5"), new("FeedbackWithinWorkingDays", "1"), new("NoFurtherActionDipSamplePercent", "25"),
        new("CheckResponseWorkingHours", "4"), new("DecisionWarningPercent", "75"),
    ];

    [Fact]
    public async Task BadTimescales_AreAllListed_AndNothingIsSaved()
    {
        var admin = new PageClient(factory.CreateBrowserlessClient());
        await admin.SignInAsDemoAsync("stoke.admin");

        var page = await PageClient.ParseAsync(await admin.PostFormAsync("/Admin/Settings",
        [
            new("ThresholdGuidance", "Fictional guidance."), new("WorkingDayStart", "17:00"), new("WorkingDayEnd", "09:00"), new("RedDecisionHours", "-1"),
            new("AmberDecisionWorkingDays", "1.5"), new("GreenDecisionWorkingDays", "x"), new("FeedbackWithinWorkingDays", "0"), new("NoFurtherActionDipSamplePercent", "101"),
            new("CheckResponseWorkingHours", "0"), new("DecisionWarningPercent", "100"),
        ]));

        Assert.Equal(
            ["#WorkingDayEnd", "#RedDecisionHours", "#RedAroundTheClock", "#AmberDecisionWorkingDays", "#GreenDecisionWorkingDays", "#FeedbackWithinWorkingDays", "#NoFurtherActionDipSamplePercent", "#CheckResponseWorkingHours", "#DecisionWarningPercent"],
            page.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")).ToList());
        var calculator = await CalculatorAsync("STOKE");
        Assert.Equal(new TimeOnly(9, 0), calculator.Settings.WorkingDayStart);
    }

    [Fact]
    public async Task SaveTimescales_WithValidValues_DriveTheHubsDueTimes()
    {
        var admin = new PageClient(factory.CreateBrowserlessClient());
        await admin.SignInAsDemoAsync("staffs.admin");

        var response = await admin.PostFormAsync("/Admin/Settings", Valid);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await PageClient.ParseAsync(response)).QuerySelector(".govuk-notification-banner--success"));
        var calculator = await CalculatorAsync("STAFFS");
        var saturdayNight = new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.Zero);
        Assert.Equal(saturdayNight.AddHours(4), calculator.For(RagRating.Red, saturdayNight).DecisionDue);
        var mondayMorning = new DateTimeOffset(2026, 11, 30, 8, 30, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 16, 30, 0, TimeSpan.Zero), calculator.For(RagRating.Amber, mondayMorning).DecisionDue);
        var otherHub = await CalculatorAsync("STOKE");
        Assert.False(otherHub.Settings.RedAroundTheClock);
    }

    private Task<WorkingTimeCalculator> CalculatorAsync(string hub) =>
        TestPeople.AsHubAsync(factory, hub, (services, _) => services.GetRequiredService<HubWorkingTime>().CalculatorAsync());
}
