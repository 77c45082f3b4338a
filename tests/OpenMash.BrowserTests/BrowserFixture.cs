using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace OpenMash.BrowserTests;

/// <summary>
/// The application on a real Kestrel port over a fresh SQLite demo database, and the system Chromium driven by
/// Playwright (no browser download: /usr/bin/chromium, as installed by ./test.sh). The application's outbox goes to a
/// real SMTP server on a loopback port (<see cref="Mail"/>), sent every second, so journeys can see what was delivered.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string DemoPassword = "browser-demo-password";

    private readonly string _database = Path.Combine(Path.GetTempPath(), $"openmash-browser-{Guid.NewGuid():N}.db");
    private App? _app;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The mail server the application sends to; a test may stop and start it (the tests of one collection run one at a time).</summary>
    public TestSmtpServer Mail { get; } = new(TestSmtpServer.FreePort());

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>The application's services, for tests that set up records the pages then show.</summary>
    public IServiceProvider Services => _app!.Services;

    public async Task InitializeAsync()
    {
        await Mail.StartAsync();
        _app = new App(_database, Mail.Port);
        _app.UseKestrel(0);
        _app.StartServer();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::]", "localhost", StringComparison.Ordinal);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <param name="javaScript">False for a browser whose scripts did not load (no GOV.UK Frontend behaviour, no axe).</param>
    public async Task<IPage> NewPageAsync(bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseUrl, JavaScriptEnabled = javaScript });
        await context.AddInitScriptAsync(PageChecks.AxeScript);

        // The browser tests now run alongside the web tests (test.sh), which keep both cores busy: a page's load event
        // took over Playwright's default 30 s once under that load. The wait is longer; nothing asserted changes.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        return await context.NewPageAsync();
    }

    /// <summary>Waits (up to a minute) for the test mail server to receive a message like this.</summary>
    public async Task<MimeKit.MimeMessage> DeliveredAsync(Func<MimeKit.MimeMessage, bool> like)
    {
        for (var waited = 0; waited < 600; waited++)
        {
            if (Mail.Received.FirstOrDefault(like) is { } message)
            {
                return message;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException("The mail server received no such message within a minute.");
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        await Mail.DisposeAsync();

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm" })
        {
            File.Delete(file);
        }
    }

    private sealed class App(string database, int smtpPort) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:OpenMash", $"Data Source={database}");
            builder.UseSetting("Security:HttpsOnly", "false");
            builder.UseSetting("Security:SignInAttemptsPerMinute", "10000");
            // One PBKDF2 iteration instead of 210,000 (allowed only in the Testing environment): the pages are under
            // test here, not the hash; the web tests' SignInTests and SessionTests sign in at the production cost.
            builder.UseSetting("Security:PasswordHashIterations", "1");
            builder.UseSetting("Demo:Enabled", "true");
            builder.UseSetting("Demo:Password", DemoPassword);
            builder.UseSetting("Smtp:Host", "127.0.0.1");
            builder.UseSetting("Smtp:Port", smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Smtp:Security", "None");
            builder.UseSetting("Smtp:SendEverySeconds", "1");
            builder.UseSetting("Smtp:FirstRetrySeconds", "1");
            builder.UseSetting("Smtp:LongestRetryMinutes", "1");
            builder.UseSetting("Smtp:TimeoutSeconds", "5");
            builder.UseSetting("Smtp:LeaseSeconds", "15");
            // Every 5 s, not every second: each pass writes to the one SQLite file the pages write to.
            builder.UseSetting("Timeliness:CheckEverySeconds", "5");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
