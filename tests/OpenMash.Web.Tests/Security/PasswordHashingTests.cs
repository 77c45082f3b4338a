using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenMash.Web.Security;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Security;

/// <summary>
/// The tests hash passwords with one PBKDF2 iteration (<see cref="TestDatabase.CheapPasswordHashIterations"/>). That
/// setting must be unusable outside the Testing environment: the service refuses to start with it.
/// </summary>
public sealed class PasswordHashingTests
{
    [Fact]
    public void Start_WithACheapPasswordHashInProduction_IsRefused()
    {
        using var production = new OpenMashFactory { EnvironmentName = "Production" };

        var error = Assert.ThrowsAny<Exception>(() => production.Services);

        Assert.Contains("Security:PasswordHashIterations below 210000 is allowed only in the Testing environment", Messages(error), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    [InlineData("Staging")]
    public void Options_WithACheapPasswordHashOutsideTesting_FailValidation(string environment)
    {
        using var app = Build(environment, TestDatabase.CheapPasswordHashIterations);

        Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IOptions<PasswordHasherOptions>>().Value);
    }

    [Fact]
    public void Options_WithoutASetting_HashAtTheProductionCost()
    {
        using var app = Build("Production", iterations: null);

        app.Services.GetRequiredService<IStartupValidator>().Validate();
        Assert.Equal(SecurityOptions.MinimumPasswordHashIterations, app.Services.GetRequiredService<IOptions<PasswordHasherOptions>>().Value.IterationCount);
        Assert.Equal(210_000, SecurityOptions.MinimumPasswordHashIterations);
    }

    [Fact]
    public void Options_WithACheapPasswordHashInTesting_AreUsed()
    {
        using var app = Build(Startup.TestingEnvironment, TestDatabase.CheapPasswordHashIterations);

        app.Services.GetRequiredService<IStartupValidator>().Validate();
        Assert.Equal(1, app.Services.GetRequiredService<IOptions<PasswordHasherOptions>>().Value.IterationCount);
    }

    private const string KeyRingPassword = "test-pfx-password";

    private static readonly Lazy<string> KeyRingCertificate = new(() =>
    {
        var dir = Directory.CreateTempSubdirectory("openmash-hashing-keyring-").FullName;
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
            "CN=OpenMash key ring (test)", rsa, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(dir, "keyring.pfx");
        File.WriteAllBytes(path, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pkcs12, KeyRingPassword));
        return path;
    });

    private static WebApplication Build(string environment, string? iterations)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });

        // Outside Development and the tests the service will not start without an encrypted key ring: give it one.
        builder.Configuration["DataProtection:CertificatePath"] = KeyRingCertificate.Value;
        builder.Configuration["DataProtection:CertificatePassword"] = KeyRingPassword;
        builder.Configuration["DataProtection:KeysDirectory"] = Path.Combine(Path.GetDirectoryName(KeyRingCertificate.Value)!, "keys");
        if (iterations is not null)
        {
            builder.Configuration["Security:PasswordHashIterations"] = iterations;
        }

        builder.AddOpenMash();
        return builder.Build();
    }

    private static string Messages(Exception error) =>
        error is AggregateException aggregate ? string.Join(" | ", aggregate.InnerExceptions.Select(Messages))
        : error.InnerException is { } inner ? error.Message + " | " + Messages(inner)
        : error.Message;
}
