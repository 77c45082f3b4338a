using System.Security.Cryptography.X509Certificates;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using OpenMash.Web.Data;

namespace OpenMash.Web.Security;

/// <summary>Sign-in (Identity, cookies, one-time TOTP), antiforgery, the key ring and the sign-in rate limit.</summary>
public static class SecurityServiceCollectionExtensions
{
    public const string SignInRateLimit = "sign-in";

    /// <summary>
    /// Sign-in cookies, antiforgery tokens and API access tokens are Data Protection payloads: every instance behind
    /// one address must share the key ring, so production sets a shared directory. The keys are encrypted at rest
    /// with the certificate (a PFX file and its password) named by <c>DataProtection:CertificatePath</c> and
    /// <c>DataProtection:CertificatePassword</c>. Outside Development, the tests and demo mode the service refuses
    /// to start without one: a readable key ring lets anyone forge sign-in cookies, so an operator should find out
    /// at the first start, not from an incident (README, "Protecting the key ring").
    /// </summary>
    public static IServiceCollection AddOpenMashKeyRing(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var keyRing = services.AddDataProtection().SetApplicationName("OpenMash");
        if (configuration["DataProtection:KeysDirectory"] is { Length: > 0 } keysDirectory)
        {
            keyRing.PersistKeysToFileSystem(new DirectoryInfo(keysDirectory));
        }

        if (configuration["DataProtection:CertificatePath"] is { Length: > 0 } certificatePath)
        {
            var certificate = LoadKeyRingCertificate(certificatePath, configuration["DataProtection:CertificatePassword"]);

            // Decrypting with the loaded certificate, not one looked up in a machine store (Linux has none).
            keyRing.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
            return services;
        }

        if (!environment.IsDevelopment() && !environment.IsEnvironment(Startup.TestingEnvironment) && !configuration.GetValue<bool>("Demo:Enabled"))
        {
            throw new InvalidOperationException(
                "The Data Protection key ring must be encrypted at rest: set DataProtection:CertificatePath to a PFX file with a private key "
                + "(kept outside the data and keys directories) and DataProtection:CertificatePassword to its password. See the README, \"Protecting the key ring\".");
        }

        services.AddHostedService<UnprotectedKeyRingWarning>();
        return services;
    }

    private static X509Certificate2 LoadKeyRingCertificate(string path, string? password)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"DataProtection:CertificatePath names a file that does not exist: {path}");
        }

        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        return certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException("The key ring certificate (DataProtection:CertificatePath) has no private key, so the keys could not be read back.");
    }

    public static IServiceCollection AddOpenMashSignIn(this IServiceCollection services)
    {
        services.AddIdentity<AppUser, AppRole>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                o.SignIn.RequireConfirmedAccount = false;
                o.Tokens.AuthenticatorTokenProvider = TokenOptions.DefaultAuthenticatorProvider;
            })
            .AddEntityFrameworkStores<OpenMashDbContext>()
            .AddSignInManager<OpenMashSignInManager>()
            .AddClaimsPrincipalFactory<OpenMashClaimsFactory>()
            .AddTokenProvider<OneTimeTotpProvider>(TokenOptions.DefaultAuthenticatorProvider);
        services.AddOptions<PasswordHasherOptions>().Configure<IOptions<SecurityOptions>>((o, security) =>
        {
            o.CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3;
            o.IterationCount = security.Value.PasswordHashIterations;
        });

        // Cookie settings are read when first used, so that a host's or a test's configuration is complete by then.
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<IOptions<SecurityOptions>>((o, options) =>
        {
            var security = options.Value;
            var (prefix, secure) = CookiePolicy(security);
            o.Cookie.Name = prefix + "OpenMash";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = secure;
            o.Cookie.Path = "/";
            o.ExpireTimeSpan = TimeSpan.FromMinutes(security.IdleTimeoutMinutes);
            o.SlidingExpiration = true;
            o.LoginPath = "/Account/SignIn";
            o.LogoutPath = "/Account/SignOut";
            o.ReturnUrlParameter = "returnUrl";
            o.Events.OnValidatePrincipal = SessionValidator.ValidateAsync;
            o.Events.OnRedirectToLogin = c => ApiAware(c.HttpContext, c.RedirectUri, StatusCodes.Status401Unauthorized);
            // A refusal is answered in place with 403 (the error page explains it), never by a redirect.
            o.Events.OnRedirectToAccessDenied = c =>
            {
                c.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme).Configure<IOptions<SecurityOptions>>((o, options) =>
        {
            var (prefix, secure) = CookiePolicy(options.Value);
            o.Cookie.Name = prefix + "OpenMash.2fa";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = secure;
            o.Cookie.Path = "/";
            o.ExpireTimeSpan = TimeSpan.FromMinutes(5);
        });
        services.AddAntiforgery();
        services.AddOptions<AntiforgeryOptions>().Configure<IOptions<SecurityOptions>>((o, options) =>
        {
            var (prefix, secure) = CookiePolicy(options.Value);
            o.Cookie.Name = prefix + "OpenMash.Af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = secure;
            o.Cookie.Path = "/";
            o.FormFieldName = "__RequestVerificationToken";
        });
        return services;
    }

    /// <summary>Sign-in posts per client address per minute (<see cref="SecurityOptions.SignInAttemptsPerMinute"/>) before 429.</summary>
    public static IServiceCollection AddOpenMashRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<SecurityOptions>>((o, options) =>
        {
            var permits = options.Value.SignInAttemptsPerMinute;
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInRateLimit, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("get"));
        });
        return services;
    }

    private static (string Prefix, CookieSecurePolicy Secure) CookiePolicy(SecurityOptions security) =>
        security.HttpsOnly ? ("__Host-", CookieSecurePolicy.Always) : (string.Empty, CookieSecurePolicy.SameAsRequest);

    private static Task ApiAware(HttpContext context, string redirectUri, int status)
    {
        if (Startup.IsApi(context.Request))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(redirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>Says at every start, in Development, the tests and demo mode, that the key ring is kept unencrypted.</summary>
internal sealed class UnprotectedKeyRingWarning(ILogger<UnprotectedKeyRingWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogWarning(
            "The Data Protection key ring is not encrypted at rest (no DataProtection:CertificatePath). This is allowed only in Development, "
            + "the tests and demo mode; anyone who can read the keys can forge sign-in cookies and API tokens.");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
