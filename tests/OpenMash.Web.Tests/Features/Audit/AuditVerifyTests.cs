using OpenMash.Web.Commands;
using OpenMash.Web.Data;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Features.Audit;

/// <summary>
/// Someone with direct database access (who can switch off the append-only triggers) tampers with the audit table;
/// <c>audit verify</c> must fail and name the first bad row. Each test has a database of its own.
/// </summary>
public sealed class AuditVerifyTests : IAsyncLifetime
{
    private readonly OpenMashFactory _factory = new();

    public Task InitializeAsync() => _factory.WithDbAsync(_ => Task.FromResult(0));

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Verify_AfterARowIsEdited_FailsNamingIt()
    {
        await TamperAsync("UPDATE \"AuditEntries\" SET \"Action\" = 'Read Agency' WHERE \"Sequence\" = 6");

        var (code, error) = await VerifyAsync();

        Assert.Equal(1, code);
        Assert.Contains("sequence 6:", error, StringComparison.Ordinal);
        Assert.Contains("altered", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_AfterARowIsDeleted_FailsNamingIt()
    {
        await TamperAsync("DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = 5");

        var (code, error) = await VerifyAsync();

        Assert.Equal(1, code);
        Assert.Contains("sequence 5:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_AfterRowsAreReordered_FailsNamingTheFirst()
    {
        await TamperAsync(
            "UPDATE \"AuditEntries\" SET \"Sequence\" = -1 WHERE \"Sequence\" = 3",
            "UPDATE \"AuditEntries\" SET \"Sequence\" = 3 WHERE \"Sequence\" = 4",
            "UPDATE \"AuditEntries\" SET \"Sequence\" = 4 WHERE \"Sequence\" = -1");

        var (code, error) = await VerifyAsync();

        Assert.Equal(1, code);
        Assert.Contains("sequence 3:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_AfterTheLastRowIsRemoved_FailsSayingSo()
    {
        await TamperAsync("DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = (SELECT MAX(\"Sequence\") FROM \"AuditEntries\")");

        var (code, error) = await VerifyAsync();

        Assert.Equal(1, code);
        Assert.Contains("removed from the end", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_AfterARowIsInserted_FailsSayingTheChainIsBroken()
    {
        await TamperAsync(
            "INSERT INTO \"AuditEntries\" (\"Sequence\", \"OccurredAtUtc\", \"Action\", \"Outcome\", \"PreviousHash\", \"Hash\") " +
            "SELECT MAX(\"Sequence\") + 1, '2026-01-01 00:00:00', 'Forged', 'Allowed', 'x', 'y' FROM \"AuditEntries\"");

        var (code, error) = await VerifyAsync();

        Assert.Equal(1, code);
        Assert.Contains("Audit chain broken", error, StringComparison.Ordinal);
    }

    private async Task TamperAsync(params string[] statements)
    {
        var (off, on) = _factory.Provider == DatabaseProvider.Postgres
            ? ("ALTER TABLE \"AuditEntries\" DISABLE TRIGGER USER", "ALTER TABLE \"AuditEntries\" ENABLE TRIGGER USER")
            : ("DROP TRIGGER audit_entries_no_update; DROP TRIGGER audit_entries_no_delete", "SELECT 1");
        await _factory.ExecuteSqlAsync(off);
        foreach (var sql in statements)
        {
            await _factory.ExecuteSqlAsync(sql);
        }

        await _factory.ExecuteSqlAsync(on);
    }

    private async Task<(int Code, string Error)> VerifyAsync()
    {
        var error = new StringWriter();
        var code = await CommandVerbs.RunAsync(_factory.Services, ["audit", "verify"], new StringWriter(), error);
        return (code, error.ToString());
    }
}
