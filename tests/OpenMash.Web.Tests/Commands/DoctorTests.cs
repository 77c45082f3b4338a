using OpenMash.Web.Commands;
using OpenMash.Web.Tests.Features.Messaging;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Commands;

/// <summary><c>doctor</c> on a deployment: one PASS or FAIL line per check, what to fix, and a non-zero exit on any failure.</summary>
public sealed class DoctorTests(DoctorTests.Factory factory) : IClassFixture<DoctorTests.Factory>
{
    /// <summary>The demo deployment with its key ring, pickup folder and (for one test) mail server of its own.</summary>
    public sealed class Factory : OpenMashFactory
    {
        public Factory()
        {
            Settings["DataProtection:KeysDirectory"] = Path.Combine(Path.GetTempPath(), "openmash-doctor-keys-" + Guid.NewGuid().ToString("N"));
            Settings["Smtp:PickupDirectory"] = Path.Combine(Path.GetTempPath(), "openmash-doctor-pickup-" + Guid.NewGuid().ToString("N"));
        }
    }

    [Fact]
    public async Task Doctor_OnTheDemoDeployment_PassesEveryCheck()
    {
        var (code, output, _) = await VerbRunner.RunAsync(factory, "doctor");

        Assert.True(code == 0, output);
        Assert.Equal(5, output.Split('\n').Count(l => l.StartsWith(Doctor.Pass + "  ", StringComparison.Ordinal)));
        Assert.Contains("PASS  Migrations applied: none pending.", output, StringComparison.Ordinal);
        Assert.Matches(@"PASS  Every hub has settings: \d hubs \((NOSET, )?STAFFS, STOKE\)\.", output);
        Assert.Contains($"PASS  E-mail pickup folder writable: no Smtp:Host, so e-mails are written as .eml files to {factory.Settings["Smtp:PickupDirectory"]}.", output, StringComparison.Ordinal);
        Assert.Contains($"PASS  Data Protection key directory writable: keys (not encrypted at rest) are kept in {factory.Settings["DataProtection:KeysDirectory"]}.", output, StringComparison.Ordinal);
        Assert.Contains("All 5 checks passed.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_WithAHubWithoutSettings_FailsNamingTheHubAndTheFix()
    {
        await factory.WithDbAsync(async db =>
        {
            db.Hubs.Add(new Hub { Id = Guid.NewGuid(), Code = "NOSET", Name = "Hub without settings (demo)" });
            return await db.SaveChangesAsync();
        });

        var (code, output, _) = await VerbRunner.RunAsync(factory, "doctor");

        Assert.Equal(1, code);
        Assert.Contains("FAIL  Every hub has settings: no settings row for NOSET, so no contact can be recorded there. Fix: run 'migrate' or start the app", output, StringComparison.Ordinal);
        Assert.Contains("1 of 5 checks failed.", output, StringComparison.Ordinal);
        await VerbRunner.RunAsync(factory, "migrate");
    }

    [Fact]
    public async Task Doctor_WithAMailServer_FailsWhileItIsDownAndPassesOnceItAnswers()
    {
        await using var mail = new OpenMashFactory();
        var port = TestSmtpServer.FreePort();
        SmtpFactory.Point(mail, port);
        mail.Settings["DataProtection:KeysDirectory"] = factory.Settings["DataProtection:KeysDirectory"];

        var down = await VerbRunner.RunAsync(mail, "doctor");
        await using var server = new TestSmtpServer(port);
        await server.StartAsync();
        var up = await VerbRunner.RunAsync(mail, "doctor");

        Assert.Equal(1, down.Code);
        Assert.Contains($"FAIL  Mail server reachable: 127.0.0.1:{port} (None): ", down.Output, StringComparison.Ordinal);
        Assert.Contains("Fix: check Smtp:Host, Smtp:Port, Smtp:Security", down.Output, StringComparison.Ordinal);
        Assert.True(up.Code == 0, up.Output);
        Assert.Contains($"PASS  Mail server reachable: 127.0.0.1:{port} (None) answered.", up.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_WithAKeyDirectoryThatCannotBeWritten_FailsTheKeyCheck()
    {
        var file = Path.Combine(Path.GetTempPath(), "openmash-doctor-not-a-directory-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(file, "a file, so nothing can be made under it");
        try
        {
            await using var blocked = new OpenMashFactory();
            blocked.Settings["DataProtection:KeysDirectory"] = Path.Combine(file, "keys");

            var (code, output, _) = await VerbRunner.RunAsync(blocked, "doctor");

            Assert.Equal(1, code);
            Assert.Contains($"FAIL  Data Protection key directory writable: keys (not encrypted at rest) are kept in {Path.Combine(file, "keys")}, which cannot be written", output, StringComparison.Ordinal);
            Assert.Contains("Fix: make the directory writable by the app's user, or set DataProtection:KeysDirectory.", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
