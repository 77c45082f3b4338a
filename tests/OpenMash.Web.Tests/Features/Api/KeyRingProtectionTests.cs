using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OpenMash.Web.Tests.Infrastructure;
using static OpenMash.Web.Tests.Features.Api.ApiTestSupport;

namespace OpenMash.Web.Tests.Features.Api;

/// <summary>Finding 6: the key ring is encrypted at rest with a configured certificate, and production will not start without one.</summary>
public sealed class KeyRingProtectionTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "openmash-keyring-" + Guid.NewGuid().ToString("N"));

    private string Keys => Path.Combine(_dir, "keys");

    private string WriteCertificate(string password)
    {
        Directory.CreateDirectory(_dir);
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=OpenMash key ring (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_dir, "keyring.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
        return path;
    }

    [Fact]
    public async Task KeyRing_WithACertificateConfigured_IsEncryptedAtRestAndReadByAnotherInstance()
    {
        var certificate = WriteCertificate("test-pfx-password");
        await using var first = new ApiFactory();
        first.Settings["DataProtection:KeysDirectory"] = Keys;
        first.Settings["DataProtection:CertificatePath"] = certificate;
        first.Settings["DataProtection:CertificatePassword"] = "test-pfx-password";
        var token = await TokenAsync(first.CreateBrowserlessClient());

        var keyFiles = Directory.GetFiles(Keys, "key-*.xml");
        Assert.NotEmpty(keyFiles);
        foreach (var xml in keyFiles.Select(File.ReadAllText))
        {
            Assert.Contains("EncryptedXmlDecryptor", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
        }

        await using var second = OpenMashFactory.SharingDatabaseWith(first);
        second.Settings["DataProtection:KeysDirectory"] = Keys;
        second.Settings["DataProtection:CertificatePath"] = certificate;
        second.Settings["DataProtection:CertificatePassword"] = "test-pfx-password";
        Assert.Equal(HttpStatusCode.NotFound, (await GetContactAsync(second.CreateBrowserlessClient(), token, Guid.NewGuid())).StatusCode);
    }

    [Fact]
    public void Start_InProductionWithoutAKeyRingCertificate_IsRefused()
    {
        using var production = new OpenMashFactory { EnvironmentName = "Production" };
        production.Settings["Demo:Enabled"] = "false";
        production.Settings.Remove("Security:PasswordHashIterations");
        production.Settings["DataProtection:KeysDirectory"] = Keys;

        var refused = Record.Exception(() => production.CreateClient());

        Assert.NotNull(refused);
        var messages = new List<string>();
        for (var e = refused; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }

        Assert.Contains(messages, m => m.Contains("DataProtection:CertificatePath", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }
}
