using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace OpenMash.Web.Data;

/// <summary>
/// Whether the configured database is there and migrated, without ever creating one (SQLite would create an empty
/// file on first open): the command verbs and <c>doctor</c> ask before they touch it.
/// </summary>
public static class DatabaseCheck
{
    /// <summary>Where the database is, safe to print (never the password): "SQLite database /srv/openmash.db".</summary>
    public static string Describe(OpenMashDbContext db)
    {
        var connectionString = db.Database.GetConnectionString() ?? string.Empty;
        if (db.Database.IsSqlite())
        {
            return SqliteFile(connectionString) is { } file ? $"SQLite database {file}" : "SQLite database in memory";
        }

        var pg = new NpgsqlConnectionStringBuilder(connectionString);
        return $"PostgreSQL database {pg.Database ?? "(no database named)"} on {pg.Host}:{pg.Port}";
    }

    /// <summary>Null when the database can be opened; otherwise what is wrong, in words for the operator.</summary>
    public static async Task<string?> UnreachableAsync(OpenMashDbContext db, CancellationToken ct = default)
    {
        if (db.Database.IsSqlite() && SqliteFile(db.Database.GetConnectionString() ?? string.Empty) is { } file && !File.Exists(file))
        {
            return $"there is no database at {file}";
        }

        try
        {
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.CloseConnectionAsync();
            return null;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or ArgumentException or TimeoutException)
        {
            return $"the database could not be opened: {e.Message}";
        }
    }

    /// <summary>Migrations this version has that the database has not had.</summary>
    public static async Task<IReadOnlyList<string>> PendingMigrationsAsync(OpenMashDbContext db, CancellationToken ct = default) =>
        [.. await db.Database.GetPendingMigrationsAsync(ct)];

    /// <summary>Migrations the database has had that this version does not know: a newer version migrated it.</summary>
    public static async Task<IReadOnlyList<string>> UnknownMigrationsAsync(OpenMashDbContext db, CancellationToken ct = default)
    {
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        return [.. (await db.Database.GetAppliedMigrationsAsync(ct)).Where(m => !known.Contains(m))];
    }

    /// <summary>Null when the database is there and fully migrated; otherwise the problem and what to do, in one sentence.</summary>
    public static async Task<string?> NotReadyAsync(OpenMashDbContext db, CancellationToken ct = default)
    {
        var where = Describe(db);
        if (await UnreachableAsync(db, ct) is { } problem)
        {
            return $"{where}: {problem}. Run 'migrate' to create it, or set ConnectionStrings:OpenMash (and Database:Provider) to the hub's database.";
        }

        var pending = await PendingMigrationsAsync(db, ct);
        return pending.Count == 0
            ? null
            : $"{where} is not migrated: {pending.Count} of this version's migrations are not applied (from {pending[0]}). Run 'migrate' first.";
    }

    /// <summary>The full path of a SQLite file database, relative paths taken from the working directory as SQLite does; null in memory.</summary>
    private static string? SqliteFile(string connectionString)
    {
        var sqlite = new SqliteConnectionStringBuilder(connectionString);
        return sqlite.Mode == SqliteOpenMode.Memory || sqlite.DataSource is "" or ":memory:" || sqlite.DataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
            ? null
            : Path.GetFullPath(sqlite.DataSource);
    }
}
