using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using OpenMash.Web.Data;
using OpenMash.Web.Security;

namespace OpenMash.Web.Tests.Infrastructure;

/// <summary>
/// The whole application over a database of its own, on the provider named by OPENMASH_TEST_PROVIDER (Sqlite by
/// default, Postgres with OPENMASH_TEST_PG as the server's connection string). The test command runs every test once
/// per provider. The database is a copy of the run's migrated, demo-seeded template (<see cref="TestDatabase"/>),
/// made when the application is first used, or of the migrated schema alone if a test turns demo mode off.
/// </summary>
public class OpenMashFactory : WebApplicationFactory<Program>
{
    public const string DemoPassword = "correct-horse-battery-demo";

    private readonly OpenMashFactory? _owner;
    private string? _connectionString;

    public OpenMashFactory()
    {
        Provider = TestDatabase.Provider;
    }

    private OpenMashFactory(OpenMashFactory first)
    {
        Provider = first.Provider;
        _owner = first;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>A second application instance over the same database as <paramref name="first"/>, which owns and removes it.</summary>
    public static OpenMashFactory SharingDatabaseWith(OpenMashFactory first) => new(first);

    /// <summary>Starts where the demo data were seeded, as each application's clock did when it seeded its own database.</summary>
    public FakeTimeProvider Clock { get; } = new(TestDatabase.SeededAt);

    /// <summary>The host environment; only Testing allows the cheap password hash the tests use.</summary>
    public string EnvironmentName { get; init; } = Startup.TestingEnvironment;

    /// <summary>Settings a test class may change before the first request.</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.Ordinal)
    {
        ["Security:SignInAttemptsPerMinute"] = "100000",
        ["Security:PasswordHashIterations"] = TestDatabase.CheapPasswordHashIterations,

        // No background sending: a test that sends runs OutboxSender.SendDueAsync itself (and the pickup folder is a temporary one).
        ["Smtp:SendEverySeconds"] = "0",
        ["Timeliness:CheckEverySeconds"] = "0",
        ["Smtp:PickupDirectory"] = Path.Combine(Path.GetTempPath(), "openmash-test-pickup"),

        // No background reading of the person change feed: the index and the duplicate queue catch up before they
        // answer, and a test of the feed between instances turns it on.
        ["Duplicates:FeedEverySeconds"] = "0",
    };

    /// <summary>Called once, when the application is first used: the settings are final by then.</summary>
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        _connectionString = _owner is not null ? _owner._connectionString ?? throw new InvalidOperationException("The first instance must be started before a second one shares its database.")
            : Settings.TryGetValue("Demo:Enabled", out var demo) && demo == "false" ? TestDatabase.NewSchemaCopy()
            : TestDatabase.NewDemoCopy(productionHashCost: !Settings.ContainsKey("Security:PasswordHashIterations"));
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:OpenMash", _connectionString);
        builder.UseSetting("Security:HttpsOnly", "false");
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Demo:Password", DemoPassword);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    public HttpClient CreateBrowserlessClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = ClientOptions.BaseAddress });

    /// <summary>Runs code against the database as a system actor, outside any request.</summary>
    public async Task<T> WithDbAsync<T>(Func<OpenMashDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(Actor.System("test"));
        return await work(scope.ServiceProvider.GetRequiredService<OpenMashDbContext>());
    }

    public async Task ExecuteSqlAsync(string sql)
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OpenMashDbContext>().Database.ExecuteSqlRawAsync(sql);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _owner is null && _connectionString is not null)
        {
            TestDatabase.Drop(_connectionString);
        }
    }
}
