using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OpenMash.Web.Features.Timeliness;

public static class TimelinessServiceCollectionExtensions
{
    /// <summary>
    /// Registers the England and Wales bank holiday calendar and a <see cref="WorkingTimeCalculator"/> for
    /// <paramref name="settings"/> (<see cref="WorkingTimeSettings.Default"/> if null), all as singletons.
    /// A hub with its own settings can build its own calculator with the registered <see cref="IBankHolidayCalendar"/>.
    /// </summary>
    public static IServiceCollection AddWorkingTime(this IServiceCollection services, WorkingTimeSettings? settings = null)
    {
        var chosen = settings ?? WorkingTimeSettings.Default;
        chosen.Validate();
        services.TryAddSingleton<IBankHolidayCalendar, EnglandAndWalesBankHolidayCalendar>();
        services.TryAddSingleton(chosen);
        services.TryAddSingleton<WorkingTimeCalculator>();
        return services;
    }

    /// <summary>Working time with each hub's own timescales (<see cref="HubWorkingTime"/>).</summary>
    public static IServiceCollection AddTimeliness(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DecisionClockOptions>().Bind(configuration.GetSection(DecisionClockOptions.Section));
        return services
            .AddWorkingTime()
            .AddScoped<HubWorkingTime>()
            .AddSingleton<DecisionClockWatcher>()
            .AddHostedService(sp => sp.GetRequiredService<DecisionClockWatcher>());
    }
}
