using Microsoft.Extensions.Options;
using OpenMash.Web;
using OpenMash.Web.Commands;
using OpenMash.Web.Data;
using OpenMash.Web.Demo;
using OpenMash.Web.Security;

var verb = args.Length > 0 && CommandVerbs.Names.Contains(args[0]) ? args : null;
var hostArgs = verb is null ? args.Where(a => a != "--demo").ToArray() : [];
var builder = WebApplication.CreateBuilder(hostArgs);
if (args.Contains("--demo"))
{
    builder.Configuration["Demo:Enabled"] = "true";
}

builder.Logging.ClearProviders();
builder.Logging.AddJsonConsole(o => o.IncludeScopes = false);
builder.AddOpenMash();
var app = builder.Build();

if (verb is not null)
{
    return await CommandVerbs.RunAsync(app.Services, verb, Console.Out, Console.Error);
}

await using (var scope = app.Services.CreateAsyncScope())
{
    await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<OpenMashDbContext>());
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
