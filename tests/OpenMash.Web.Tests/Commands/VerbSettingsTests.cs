using System.Text.Json;

namespace OpenMash.Web.Tests.Commands;

/// <summary>
/// The verbs run as the operator runs them (the executable, in a directory of its own) and honour the app's settings
/// sources: <c>--Key:Value</c> arguments, environment variables and appsettings.{Environment}.json. A database that is
/// missing or not migrated is refused with where it was looked for, never created.
/// </summary>
public sealed class VerbSettingsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("openmash-verbs-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task AuditVerify_AtAMissingDatabaseGivenAsAnArgument_FailsWithoutCreatingIt()
    {
        var missing = Path.Combine(_directory, "missing.db");

        var (code, _, error) = await VerbRunner.RunProcessAsync(_directory, null, "audit", "verify", $"--ConnectionStrings:OpenMash=Data Source={missing}");

        Assert.Equal(1, code);
        Assert.Contains($"there is no database at {missing}", error, StringComparison.Ordinal);
        Assert.Contains("Run 'migrate'", error, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
        Assert.Empty(Directory.GetFiles(_directory));
    }

    [Fact]
    public async Task UsersAdd_AtADatabaseNotMigrated_FailsSayingSo()
    {
        var empty = Path.Combine(_directory, "empty.db");
        await File.WriteAllBytesAsync(empty, []);

        var (code, _, error) = await VerbRunner.RunProcessAsync(_directory, null,
            "users", "add", "--user-name", "x", "--ConnectionStrings:OpenMash", $"Data Source={empty}");

        Assert.Equal(1, code);
        Assert.Contains($"SQLite database {empty} is not migrated", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verbs_WithSettingsFromTheEnvironmentArgumentsAndAppSettings_UseTheSameDatabase()
    {
        var database = Path.Combine(_directory, "hub.db");
        var connection = $"Data Source={database}";

        var migrate = await VerbRunner.RunProcessAsync(_directory, new Dictionary<string, string> { ["ConnectionStrings__OpenMash"] = connection }, "migrate");
        var add = await VerbRunner.RunProcessAsync(_directory, null, "hubs", "add", "--code", "VERBS", "--name", "Verbs hub (demo)", "--ConnectionStrings:OpenMash", connection);
        var settings = Directory.CreateDirectory(Path.Combine(_directory, "settings")).FullName;
        await File.WriteAllTextAsync(Path.Combine(settings, "appsettings.Testing.json"), JsonSerializer.Serialize(new
        {
            ConnectionStrings = new { OpenMash = connection },
            Smtp = new { PickupDirectory = Path.Combine(_directory, "pickup") },
            DataProtection = new { KeysDirectory = Path.Combine(_directory, "keys") },
        }));
        var doctor = await VerbRunner.RunProcessAsync(_directory, null, "doctor", $"--contentRoot={settings}");

        Assert.True(migrate.Code == 0, migrate.Error);
        Assert.Contains($"Database migrated: SQLite database {database}", migrate.Output, StringComparison.Ordinal);
        Assert.True(add.Code == 0, add.Error);
        Assert.Contains("Hub VERBS added, with the default settings", add.Output, StringComparison.Ordinal);
        Assert.True(doctor.Code == 0, doctor.Output + doctor.Error);
        Assert.Contains($"PASS  Database reachable: SQLite database {database} opened.", doctor.Output, StringComparison.Ordinal);
        Assert.Contains("PASS  Every hub has settings: 1 hub (VERBS).", doctor.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_directory, "openmash.db")));
    }

    [Fact]
    public async Task Doctor_AtAMissingDatabase_FailsEachDatabaseCheckWithoutCreatingIt()
    {
        var missing = Path.Combine(_directory, "missing.db");

        var (code, output, _) = await VerbRunner.RunProcessAsync(_directory, null, "doctor", $"--ConnectionStrings:OpenMash=Data Source={missing}",
            $"--Smtp:PickupDirectory={Path.Combine(_directory, "pickup")}", $"--DataProtection:KeysDirectory={Path.Combine(_directory, "keys")}");

        Assert.Equal(1, code);
        Assert.Contains($"FAIL  Database reachable: SQLite database {missing}: there is no database at {missing}.", output, StringComparison.Ordinal);
        Assert.Contains("FAIL  Migrations applied: not checked", output, StringComparison.Ordinal);
        Assert.Contains("PASS  E-mail pickup folder writable", output, StringComparison.Ordinal);
        Assert.Contains("3 of 5 checks failed.", output, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
    }
}
