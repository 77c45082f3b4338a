using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OpenMash.Web.Security;

namespace OpenMash.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>SQLite: the embedded default. Its migrations live in Data/Migrations/Sqlite.</summary>
public sealed class SqliteOpenMashDbContext(
    DbContextOptions<SqliteOpenMashDbContext> options, CurrentActor? actor = null, TimeProvider? time = null)
    : OpenMashDbContext(options, actor, time);

/// <summary>PostgreSQL: for shared, production deployments. Its migrations live in Data/Migrations/Postgres.</summary>
public sealed class PostgresOpenMashDbContext(
    DbContextOptions<PostgresOpenMashDbContext> options, CurrentActor? actor = null, TimeProvider? time = null)
    : OpenMashDbContext(options, actor, time);

public static class DatabaseSetup
{
    public const string DefaultSqliteConnection = "Data Source=openmash.db";

    public static DatabaseProvider ProviderFrom(IConfiguration configuration)
    {
        var value = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return DatabaseProvider.Sqlite;
        }

        return Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider)
            ? provider
            : throw new InvalidOperationException($"Database:Provider must be 'Sqlite' or 'Postgres', not '{value}'.");
    }

    /// <summary>
    /// Registers both provider contexts and resolves <see cref="OpenMashDbContext"/> to the configured one when it is
    /// first needed, so that configuration supplied by a host or a test is read after it is complete.
    /// </summary>
    public static IServiceCollection AddOpenMashDatabase(this IServiceCollection services)
    {
        // Save interceptors are singletons that any feature may add (the person index's, for one); the audit
        // interceptor is always there, so no save can skip the audit chain.
        services.AddSingleton<ISaveChangesInterceptor, AuditSaveChangesInterceptor>();
        services.AddDbContext<SqliteOpenMashDbContext>((sp, o) => o
            .UseSqlite(ConnectionString(sp.GetRequiredService<IConfiguration>()) ?? DefaultSqliteConnection)
            .AddInterceptors(SqliteDurability.Instance)
            .AddInterceptors(sp.GetServices<ISaveChangesInterceptor>()));
        services.AddDbContext<PostgresOpenMashDbContext>((sp, o) => o
            .UseNpgsql(ConnectionString(sp.GetRequiredService<IConfiguration>())
                ?? throw new InvalidOperationException("ConnectionStrings:OpenMash is required when Database:Provider is Postgres."))
            .AddInterceptors(sp.GetServices<ISaveChangesInterceptor>()));
        services.AddScoped<OpenMashDbContext>(sp => ProviderFrom(sp.GetRequiredService<IConfiguration>()) == DatabaseProvider.Postgres
            ? sp.GetRequiredService<PostgresOpenMashDbContext>()
            : sp.GetRequiredService<SqliteOpenMashDbContext>());
        return services;
    }

    private static string? ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString("OpenMash") is { Length: > 0 } c ? c : null;

    /// <summary>Applies the provider's migrations (and the data they need, <see cref="CheckPeopleBackfill"/>); on SQLite also switches the file to write-ahead logging.</summary>
    public static async Task MigrateAsync(OpenMashDbContext db, CancellationToken ct = default)
    {
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }

        await CheckPeopleBackfill.RunAsync(db, ct);
    }
}

/// <summary>synchronous=FULL is per connection in SQLite, so it is set on every connection opened.</summary>
public sealed class SqliteDurability : DbConnectionInterceptor
{
    public static readonly SqliteDurability Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;";
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}

public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteOpenMashDbContext>
{
    public SqliteOpenMashDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteOpenMashDbContext>().UseSqlite(DatabaseSetup.DefaultSqliteConnection).Options);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresOpenMashDbContext>
{
    public PostgresOpenMashDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresOpenMashDbContext>().UseNpgsql("Host=localhost;Database=openmash_design").Options);
}
