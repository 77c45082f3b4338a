using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Messaging;

namespace OpenMash.Web.Commands;

/// <summary>
/// <c>doctor</c>: checks a deployment with the settings it would run with and says, one line per check, whether it
/// passed and what to fix. Never changes the database (nor creates one).
/// </summary>
public static class Doctor
{
    public const string Pass = "PASS";
    public const string Fail = "FAIL";

    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken ct = default)
    {
        var environment = services.GetRequiredService<IHostEnvironment>();
        var configuration = services.GetRequiredService<IConfiguration>();
        var db = services.GetRequiredService<OpenMashDbContext>();
        await output.WriteLineAsync($"OpenMash doctor: environment {environment.EnvironmentName}, settings from {environment.ContentRootPath}");

        var results = new List<Result>();
        var reachable = await DatabaseAsync(db, ct);
        results.Add(reachable);
        var migrated = reachable.Passed ? await MigrationsAsync(db, ct) : NotChecked("Migrations applied", "the database is not reachable");
        results.Add(migrated);
        results.Add(migrated.Passed ? await HubSettingsAsync(db, ct) : NotChecked("Every hub has settings", "the database is not migrated"));
        results.Add(await MailAsync(services, ct));
        results.Add(KeyRing(configuration));

        foreach (var r in results)
        {
            var detail = r.Detail.EndsWith('.') ? r.Detail : r.Detail + ".";
            await output.WriteLineAsync($"{(r.Passed ? Pass : Fail)}  {r.Check}: {detail}{(r.Fix is null ? string.Empty : " Fix: " + r.Fix)}");
        }

        var failed = results.Count(r => !r.Passed);
        await output.WriteLineAsync(failed == 0 ? $"All {results.Count} checks passed." : $"{failed} of {results.Count} checks failed.");
        return failed == 0 ? 0 : 1;
    }

    private static async Task<Result> DatabaseAsync(OpenMashDbContext db, CancellationToken ct)
    {
        const string check = "Database reachable";
        var where = DatabaseCheck.Describe(db);
        return await DatabaseCheck.UnreachableAsync(db, ct) is { } problem
            ? new(check, false, $"{where}: {problem}.", "check ConnectionStrings:OpenMash and Database:Provider (and that the server is running); for a new database run 'migrate'.")
            : new(check, true, $"{where} opened.");
    }

    private static async Task<Result> MigrationsAsync(OpenMashDbContext db, CancellationToken ct)
    {
        const string check = "Migrations applied";
        var pending = await DatabaseCheck.PendingMigrationsAsync(db, ct);
        if (pending.Count > 0)
        {
            return new(check, false, $"{pending.Count} not applied ({string.Join(", ", pending)}).", "run 'migrate' (the app also applies them when it starts).");
        }

        var unknown = await DatabaseCheck.UnknownMigrationsAsync(db, ct);
        return unknown.Count > 0
            ? new(check, false, $"the database has migrations this version does not know ({string.Join(", ", unknown)}): a newer version migrated it.", "run the version that migrated it, or restore a backup taken before.")
            : new(check, true, "none pending.");
    }

    private static async Task<Result> HubSettingsAsync(OpenMashDbContext db, CancellationToken ct)
    {
        const string check = "Every hub has settings";
        var hubs = await db.Hubs.OrderBy(h => h.Code).Select(h => h.Code).ToListAsync(ct);
        if (hubs.Count == 0)
        {
            return new(check, false, "there is no hub yet.", "add one with 'hubs add --code C --name N'.");
        }

        var missing = await HubSetup.HubsWithoutSettingsAsync(db, ct);
        return missing.Count > 0
            ? new(check, false, $"no settings row for {string.Join(", ", missing)}, so no contact can be recorded there.", "run 'migrate' or start the app: either gives each hub the default settings.")
            : new(check, true, $"{hubs.Count} hub{(hubs.Count == 1 ? string.Empty : "s")} ({string.Join(", ", hubs)}).");
    }

    private static async Task<Result> MailAsync(IServiceProvider services, CancellationToken ct)
    {
        SmtpOptions smtp;
        try
        {
            smtp = services.GetRequiredService<IOptions<SmtpOptions>>().Value;
        }
        catch (OptionsValidationException e)
        {
            return new("E-mail", false, string.Join(" ", e.Failures), "correct the Smtp settings (see the README, Configuration).");
        }

        return smtp.UsesMailServer ? await MailServerAsync(smtp, ct) : Writable("E-mail pickup folder writable", smtp.EffectivePickupDirectory, "no Smtp:Host, so e-mails are written as .eml files to", "make the folder writable by the app's user, or set Smtp:PickupDirectory (or Smtp:Host for a mail server).");
    }

    private static async Task<Result> MailServerAsync(SmtpOptions smtp, CancellationToken ct)
    {
        const string check = "Mail server reachable";
        var server = $"{smtp.Host}:{smtp.EffectivePort} ({smtp.Security})";
        using var client = new SmtpClient { Timeout = Math.Min(smtp.TimeoutSeconds, 15) * 1000 };
        try
        {
            var security = smtp.Security switch
            {
                SmtpSecurity.None => SecureSocketOptions.None,
                SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.StartTls,
            };
            await client.ConnectAsync(smtp.Host!, smtp.EffectivePort, security, ct);
            var account = string.IsNullOrWhiteSpace(smtp.UserName) ? null : smtp.UserName;
            if (account is not null)
            {
                await client.AuthenticateAsync(account, smtp.Password ?? string.Empty, ct);
            }

            await client.DisconnectAsync(true, ct);
            return new(check, true, $"{server} answered{(account is null ? string.Empty : $" and accepted the account {account}")}.");
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or MailKit.ProtocolException or MailKit.CommandException
            or SslHandshakeException or AuthenticationException or OperationCanceledException or TimeoutException or NotSupportedException)
        {
            return new(check, false, $"{server}: {e.Message}", "check Smtp:Host, Smtp:Port, Smtp:Security and the account, and that this machine may reach the server.");
        }
    }

    private static Result KeyRing(IConfiguration configuration)
    {
        const string check = "Data Protection key directory writable";
        var configured = configuration["DataProtection:KeysDirectory"];
        var directory = string.IsNullOrWhiteSpace(configured) ? FileSystemXmlRepository.DefaultKeyStorageDirectory?.FullName : configured;
        if (directory is null)
        {
            return new(check, false, "no DataProtection:KeysDirectory and no user profile: the keys would be kept in memory and lost at every restart.", "set DataProtection:KeysDirectory to a directory kept (and backed up) for the app.");
        }

        var encrypted = string.IsNullOrWhiteSpace(configuration["DataProtection:CertificatePath"]) ? "not encrypted at rest" : "encrypted with DataProtection:CertificatePath";
        return Writable(check, directory, $"keys ({encrypted}) are kept in", "make the directory writable by the app's user, or set DataProtection:KeysDirectory.");
    }

    /// <summary>Creates <paramref name="directory"/> if need be and writes and removes a file of its own there.</summary>
    private static Result Writable(string check, string directory, string what, string fix)
    {
        var full = Path.GetFullPath(directory);
        var probe = Path.Combine(full, $".openmash-doctor-{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(full);
            File.WriteAllText(probe, "OpenMash doctor: checking this directory is writable; safe to delete.");
            File.Delete(probe);
            return new(check, true, $"{what} {full}.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return new(check, false, $"{what} {full}, which cannot be written: {e.Message}", fix);
        }
    }

    private static Result NotChecked(string check, string because) => new(check, false, $"not checked: {because}.", "fix the failure above first.");

    private sealed record Result(string Check, bool Passed, string Detail, string? Fix = null);
}
