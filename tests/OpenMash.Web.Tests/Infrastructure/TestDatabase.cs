using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using OpenMash.Web.Data;
using OpenMash.Web.Demo;

namespace OpenMash.Web.Tests.Infrastructure;

/// <summary>
/// The test run's databases. Three templates are made once per test run (per provider), each from a copy of the one
/// before: the migrated schema; the demo data seeded on it at <see cref="SeededAt"/> on a fake clock, with cheap
/// password hashes; and the same with the demo users' passwords re-hashed at the production cost. Every application
/// under test gets a copy of its own (SQLite copies the file; PostgreSQL creates the database with the template as
/// its TEMPLATE), which is what a fresh database migrated and seeded at <see cref="SeededAt"/> would be: each test
/// class is as isolated as when it migrated and seeded its own.
/// </summary>
public static class TestDatabase
{
    /// <summary>
    /// The password hash cost of the tests: a PBKDF2 iteration count of 1 instead of the production 210,000, so that
    /// seeding and signing in do not spend most of the test run hashing. The application refuses a count this low
    /// outside the Testing environment; <see cref="ProductionHashingFactory"/> keeps the real cost for the sign-in tests.
    /// </summary>
    public const string CheapPasswordHashIterations = "1";

    private static readonly Lock CopyLock = new();
    private static readonly List<string> Templates = [];
    private static readonly Lazy<string> Schema = Template(() => CreateTemplateAsync(NewEmpty(), null, _ => Task.CompletedTask));
    private static readonly Lazy<string> Demo = Template(() => CreateTemplateAsync(CopyOf(Schema.Value), CheapPasswordHashIterations, async seeder =>
    {
        await seeder.SeedAsync();
        await seeder.ResetPasswordsAsync(OpenMashFactory.DemoPassword);
    }));

    private static readonly Lazy<string> DemoAtProductionCost = Template(() => CreateTemplateAsync(CopyOf(Demo.Value), null, seeder => seeder.ResetPasswordsAsync(OpenMashFactory.DemoPassword)));

    public static DatabaseProvider Provider { get; } = Environment.GetEnvironmentVariable("OPENMASH_TEST_PROVIDER") is { Length: > 0 } p
        ? Enum.Parse<DatabaseProvider>(p, ignoreCase: true)
        : DatabaseProvider.Sqlite;

    /// <summary>The instant the demo data were seeded at: every application's fake clock starts here, as it did when each seeded its own.</summary>
    public static DateTimeOffset SeededAt { get; } = DateTimeOffset.UtcNow;

    private static string Server => Environment.GetEnvironmentVariable("OPENMASH_TEST_PG")
        ?? throw new InvalidOperationException("OPENMASH_TEST_PG must hold a PostgreSQL connection string when OPENMASH_TEST_PROVIDER is Postgres; ./test.sh sets both.");

    /// <summary>A copy of the migrated schema with no data: what a new database is once the application has started on it.</summary>
    public static string NewSchemaCopy() => CopyOf(Schema.Value);

    /// <summary>A copy of the migrated, demo-seeded database; its demo users' password hashes are cheap unless <paramref name="productionHashCost"/>.</summary>
    public static string NewDemoCopy(bool productionHashCost) => CopyOf(productionHashCost ? DemoAtProductionCost.Value : Demo.Value);

    public static void Drop(string connectionString)
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            NpgsqlConnection.ClearAllPools();
            OnServer($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(connectionString).Database}\" WITH (FORCE)");
        }
        else
        {
            SqliteConnection.ClearAllPools();
            var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
        }
    }

    private static string NewEmpty() => Provider == DatabaseProvider.Postgres
        ? new NpgsqlConnectionStringBuilder(Server) { Database = "openmash_test_" + Guid.NewGuid().ToString("N") }.ConnectionString
        : $"Data Source={Path.Combine(Path.GetTempPath(), $"openmash-test-{Guid.NewGuid():N}.db")}";

    private static string CopyOf(string template)
    {
        var connectionString = NewEmpty();
        lock (CopyLock)
        {
            if (Provider == DatabaseProvider.Postgres)
            {
                var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
                OnServer($"CREATE DATABASE \"{database}\" TEMPLATE \"{new NpgsqlConnectionStringBuilder(template).Database}\"");
            }
            else
            {
                File.Copy(new SqliteConnectionStringBuilder(template).DataSource, new SqliteConnectionStringBuilder(connectionString).DataSource);
            }
        }

        return connectionString;
    }

    /// <summary>Made once, on the thread pool: the first test to need it waits, the others wait for it.</summary>
    private static Lazy<string> Template(Func<Task<string>> create) =>
        new(() => Task.Run(create).GetAwaiter().GetResult(), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// Starts the application with demo mode off on <paramref name="connectionString"/> (which migrates it), runs
    /// <paramref name="seed"/> with its demo seeder, as Program.cs does in demo mode, and leaves the database closed
    /// and ready to copy. The demo API client is left to each copy's start-up, so that it gets the secret its test
    /// asks for.
    /// </summary>
    private static async Task<string> CreateTemplateAsync(string connectionString, string? hashIterations, Func<DemoSeeder, Task> seed)
    {
        lock (Templates)
        {
            Templates.Add(connectionString);
        }

        await using (var host = new TemplateHost(connectionString, hashIterations))
        {
            await using var scope = host.Services.CreateAsyncScope();
            await seed(scope.ServiceProvider.GetRequiredService<DemoSeeder>());
        }

        if (Provider == DatabaseProvider.Postgres)
        {
            // CREATE DATABASE ... TEMPLATE needs the template to have no connections.
            NpgsqlConnection.ClearAllPools();
        }
        else
        {
            SqliteConnection.ClearAllPools();
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
            await connection.CloseAsync();
            SqliteConnection.ClearAllPools();
        }

        return connectionString;
    }

    /// <summary>Removes the run's templates, all at once (each PostgreSQL drop waits for a checkpoint); called by <see cref="TestRunFramework"/> when the last test has finished.</summary>
    public static async Task DropTemplatesAsync()
    {
        string[] templates;
        lock (Templates)
        {
            templates = [.. Templates];
            Templates.Clear();
        }

        await Task.WhenAll(templates.Select(t => Task.Run(() => Drop(t))));
    }

    private static void OnServer(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = "postgres", Pooling = false }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>The application with demo mode off, so that its start-up only migrates; the seeding is done above.</summary>
    private sealed class TemplateHost(string connectionString, string? hashIterations) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Database:Provider", Provider.ToString());
            builder.UseSetting("ConnectionStrings:OpenMash", connectionString);
            builder.UseSetting("Security:HttpsOnly", "false");
            if (hashIterations is not null)
            {
                builder.UseSetting("Security:PasswordHashIterations", hashIterations);
            }

            builder.UseSetting("Demo:Enabled", "false");
            builder.UseSetting("Demo:Password", OpenMashFactory.DemoPassword);
            builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(new FakeTimeProvider(SeededAt))));
        }
    }
}
