using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using OpenMash.Web.Data;
using OpenMash.Web.Security;

namespace OpenMash.Web.Tests.Infrastructure;

/// <summary>
/// The whole application over a fresh database of its own, on the provider named by OPENMASH_TEST_PROVIDER
/// (Sqlite by default, Postgres with OPENMASH_TEST_PG as the server's connection string). The test command runs
/// every test once per provider.
/// </summary>
public class OpenMashFactory : WebApplicationFactory<Program>
{
    public const string DemoPassword = "correct-horse-battery-demo";

    private readonly string _connectionString;
    private readonly string? _sqliteFile;
    private readonly bool _sharesDatabase;

    public OpenMashFactory()
    {
        Provider = Environment.GetEnvironmentVariable("OPENMASH_TEST_PROVIDER") is { Length: > 0 } p
            ? Enum.Parse<DatabaseProvider>(p, ignoreCase: true)
            : DatabaseProvider.Sqlite;
        if (Provider == DatabaseProvider.Postgres)
        {
            var server = Environment.GetEnvironmentVariable("OPENMASH_TEST_PG")
                ?? throw new InvalidOperationException("OPENMASH_TEST_PG must hold a PostgreSQL connection string when OPENMASH_TEST_PROVIDER is Postgres; ./test.sh sets both.");
            _connectionString = new NpgsqlConnectionStringBuilder(server) { Database = "openmash_test_" + Guid.NewGuid().ToString("N") }.ConnectionString;
        }
        else
        {
            _sqliteFile = Path.Combine(Path.GetTempPath(), $"openmash-test-{Guid.NewGuid():N}.db");
            _connectionString = $"Data Source={_sqliteFile}";
        }
    }

    private OpenMashFactory(OpenMashFactory first)
    {
        Provider = first.Provider;
        _connectionString = first._connectionString;
        _sharesDatabase = true;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>A second application instance over the same database as <paramref name="first"/>, which owns and removes it.</summary>
    public static OpenMashFactory SharingDatabaseWith(OpenMashFactory first) => new(first);

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>Settings a test class may change before the first request.</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.Ordinal)
    {
        ["Security:SignInAttemptsPerMinute"] = "100000",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
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
        if (!disposing || _sharesDatabase)
        {
            return;
        }

        if (_sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
            {
                File.Delete(file);
            }
        }
        else
        {
            NpgsqlConnection.ClearAllPools();
            var builder = new NpgsqlConnectionStringBuilder(_connectionString);
            var database = builder.Database;
            builder.Database = "postgres";
            using var connection = new NpgsqlConnection(builder.ConnectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)";
            command.ExecuteNonQuery();
        }
    }
}
