using Microsoft.Extensions.DependencyInjection;
using OpenMash.Web.Features.Timeliness;

namespace OpenMash.Web.Tests.Features.Timeliness;

public class TimelinessServiceCollectionExtensionsTests
{
    [Fact]
    public void AddWorkingTime_WithoutSettings_RegistersACalculatorWithTheDefaults()
    {
        using var provider = new ServiceCollection().AddWorkingTime().BuildServiceProvider();

        var calculator = provider.GetRequiredService<WorkingTimeCalculator>();

        Assert.Same(WorkingTimeSettings.Default, calculator.Settings);
        Assert.IsType<EnglandAndWalesBankHolidayCalendar>(provider.GetRequiredService<IBankHolidayCalendar>());
    }

    [Fact]
    public void AddWorkingTime_WithHubSettings_UsesThem()
    {
        var settings = WorkingTimeSettings.Default with { RedAroundTheClock = true };
        using var provider = new ServiceCollection().AddWorkingTime(settings).BuildServiceProvider();

        Assert.Same(settings, provider.GetRequiredService<WorkingTimeCalculator>().Settings);
    }
}
