using Microsoft.Extensions.Options;
using OpenMash.Web;
using OpenMash.Web.Commands;
using OpenMash.Web.Data;
using OpenMash.Web.Demo;
using OpenMash.Web.Features.Timeliness;
using OpenMash.Web.Security;

var command = CommandLine.Parse(args);
if (command.Verb is { } verb)
{
    // Every verb is built as the web host is (the same settings sources and services), and says why when it cannot be.
    WebApplication host;
    try
    {
        host = OpenMashHost.CreateBuilder(command.Settings, command.Demo).Build();
    }
    catch (Exception e) when (e is InvalidOperationException or FormatException or IOException or OptionsValidationException)
    {
        await Console.Error.WriteLineAsync(verb[0] == "doctor" ? $"{Doctor.Fail}  Settings: {e.Message}" : $"OpenMash could not start: {e.Message}");
        return 1;
    }

    await using (host)
    {
        return await CommandVerbs.RunAsync(host.Services, [.. verb], Console.Out, Console.Error);
    }
}

var app = OpenMashHost.CreateBuilder(command.Settings, command.Demo).Build();
await using (var scope = app.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<OpenMashDbContext>();
    scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(Actor.System("start-up"));
    await DatabaseSetup.MigrateAsync(db);
    await HubSetup.AddMissingSettingsAsync(db);
    await DecisionDueBackfill.RunAsync(db, scope.ServiceProvider.GetRequiredService<IBankHolidayCalendar>());
    if (app.Services.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled)
    {
        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
        await seeder.SeedAsync();
        var password = seeder.DemoPassword();
        await seeder.ResetPasswordsAsync(password);
        var apiClientSecret = await seeder.EnsureDemoApiClientAsync();
        app.Lifetime.ApplicationStarted.Register(() => DemoBanner.Print(app.Urls, password, apiClientSecret));
    }
}

app.UseOpenMash();
await app.RunAsync();
return 0;

/// <summary>Exposed so that tests can host the application with WebApplicationFactory.</summary>
public partial class Program;
