using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using OpenMash.Web.Data;
using OpenMash.Web.Demo;
using OpenMash.Web.Features.Api;
using OpenMash.Web.Features.Timeliness;
using OpenMash.Web.Security;

namespace OpenMash.Web;

/// <summary>Service registration and the request pipeline, shared by the web host and the command verbs.</summary>
public static class Startup
{
    public const string SignInRateLimit = "sign-in";

    /// <summary>The environment the tests run the application in: the only one allowed a cheap password hash.</summary>
    public const string TestingEnvironment = "Testing";

    public static void AddOpenMash(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddOptions<SecurityOptions>().Bind(configuration.GetSection("Security"))
            .Validate<IHostEnvironment>(
                (o, environment) => o.PasswordHashIterations >= SecurityOptions.MinimumPasswordHashIterations || environment.IsEnvironment(TestingEnvironment),
                $"Security:PasswordHashIterations below {SecurityOptions.MinimumPasswordHashIterations} is allowed only in the {TestingEnvironment} environment.")
            .ValidateOnStart();
        services.Configure<DemoOptions>(configuration.GetSection("Demo"));
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();

        // Sign-in cookies, antiforgery tokens and API access tokens are Data Protection payloads: every instance
        // behind one address must share the key ring, so production sets a shared directory.
        var keyRing = services.AddDataProtection().SetApplicationName("OpenMash");
        if (configuration["DataProtection:KeysDirectory"] is { Length: > 0 } keysDirectory)
        {
            keyRing.PersistKeysToFileSystem(new DirectoryInfo(keysDirectory));
        }

        services.AddScoped<CurrentActor>();
        services.AddOpenMashDatabase();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<DemoFrontDoor>();
        services.AddScoped<DemoConsent>();
        services.AddScoped<Features.Account.SignInFlow>();
        services.AddScoped<Features.Admin.AdminService>();
        services.AddWorkingTime();
        services.AddScoped<Features.Timeliness.HubWorkingTime>();
        services.AddScoped<Features.Contacts.ContactService>();
        services.AddSingleton<Features.Duplicates.PersonIndex>();
        services.AddHostedService<Features.Duplicates.PersonIndexWarmup>();
        services.AddScoped<Features.Duplicates.MergeService>();
        services.AddScoped<Features.Duplicates.DuplicateFinder>();
        services.AddScoped<Features.Duplicates.PossibleMatches>();
        services.AddSingleton(sp => new OpenMash.Sharing.PolicyHolder(sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<Features.DataSharing.SharingPolicyService>();
        services.AddScoped<Features.DataSharing.SharingGate>();
        services.AddScoped<Features.DataSharing.AgreementService>();
        services.AddScoped<Features.Access.OtherHubLookup>();
        services.AddScoped<Features.Access.BreakGlassService>();
        services.AddScoped<Features.Access.SubjectAccessExport>();
        services.AddOpenMashApi();
        services.AddScoped<Features.People.IPersonSearch, Features.People.PlainPersonSearch>();
        services.AddScoped<Features.Contacts.New.DraftStore>();
        services.AddScoped<Features.Screening.ScreeningService>();
        services.AddScoped<Features.Checks.CheckService>();
        services.AddScoped<Features.Consent.ConsentService>();
        services.AddScoped<Features.TaskGroup.CrossHubExploitationReader>();
        services.AddScoped<Features.Decisions.DecisionService>();
        services.AddScoped<Features.Dashboard.DashboardService>();
        services.AddSingleton<Features.Checks.CheckChaser>();
        services.AddHostedService(sp => sp.GetRequiredService<Features.Checks.CheckChaser>());

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

        services.AddAuthorization(Policies.Configure);
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, AuditingAuthorizationResultHandler>();

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

        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.AuthorizeFolder("/", Policies.SignedIn);
            o.Conventions.AuthorizeFolder("/Admin", Policies.Administration);
            o.Conventions.AuthorizeFolder("/Audit", Policies.AuditSearch);
            o.Conventions.AuthorizeFolder("/Duplicates", Policies.CaseWork);
            o.Conventions.AuthorizeFolder("/Contacts", Policies.CaseWork);
            o.Conventions.AuthorizeFolder("/People", Policies.CaseWork);
            o.Conventions.AuthorizeFolder("/Referrals", Policies.Referral);
            o.Conventions.AuthorizeFolder("/Screening", Policies.CaseWork);
            o.Conventions.AuthorizeFolder("/Checks", Policies.Research);
            o.Conventions.AuthorizeFolder("/Consent/Case", Policies.CaseWork);
            o.Conventions.AuthorizeFolder("/Consent/Overrides", Policies.Manager);
            o.Conventions.AuthorizeFolder("/Consent/Governance", Policies.AuditSearch);
            o.Conventions.AuthorizeFolder("/Decisions", Policies.CaseWork);
            foreach (var page in ManagerDecisionPages)
            {
                o.Conventions.AuthorizePage(page, Policies.Manager);
            }

            o.Conventions.AuthorizeFolder("/Dashboard", Policies.Dashboard);
            o.Conventions.AuthorizeFolder("/TaskGroup", Policies.TaskGroup);
            Features.Access.AccessPages.Authorize(o.Conventions);
            foreach (var page in AnonymousPages)
            {
                o.Conventions.AllowAnonymousToPage(page);
            }
        });
        services.AddProblemDetails();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
    }

    /// <summary>Pages anyone may open. A test fails if a page or endpoint is anonymous without being listed here.</summary>
    public static readonly IReadOnlyList<string> AnonymousPages =
    [
        "/Account/SignIn", "/Account/TwoFactor", "/Account/SetUpTwoFactor", "/Error", "/Accessibility",
    ];

    /// <summary>Decision pages for MASH managers only; the rest of the folder is open to screeners too.</summary>
    public static readonly IReadOnlyList<string> ManagerDecisionPages = ["/Decisions/Index", "/Decisions/Decide", "/Decisions/DipSample"];

    public static readonly IReadOnlyList<string> AnonymousEndpoints = ["/health/live", "/health/ready", TokenEndpoint.Path, ApiSetup.OpenApiPath];

    /// <summary>Machine clients: errors are problem details (or OAuth errors), never an HTML page or a redirect.</summary>
    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/connect");

    public static void UseOpenMash(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (app.Configuration.GetValue("Security:HttpsOnly", true))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseWhen(c => IsApi(c.Request), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(c => !IsApi(c.Request), pages =>
        {
            pages.UseExceptionHandler("/Error");
            pages.UseStatusCodePagesWithReExecute("/Error", "?statusCode={0}");
        });

        var frontEnd = Path.Combine(app.Environment.ContentRootPath, "wwwroot");
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(Path.Combine(frontEnd, "lib", "govuk-frontend", "assets")),
            RequestPath = "/assets",
        });
        app.UseStaticFiles();

        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapRazorPages();
        app.MapOpenMashApi();
    }

    private static (string Prefix, CookieSecurePolicy Secure) CookiePolicy(SecurityOptions security) =>
        security.HttpsOnly ? ("__Host-", CookieSecurePolicy.Always) : (string.Empty, CookieSecurePolicy.SameAsRequest);

    private static Task ApiAware(HttpContext context, string redirectUri, int status)
    {
        if (IsApi(context.Request))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(redirectUri);
        return Task.CompletedTask;
    }
}

public sealed class DatabaseHealthCheck(OpenMashDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy("database reachable")
                : HealthCheckResult.Unhealthy("database unreachable");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("database unreachable", e);
        }
    }
}
