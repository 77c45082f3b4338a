using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenMash.Web.Data;
using OpenMash.Web.Demo;
using OpenMash.Web.Features.Access;
using OpenMash.Web.Features.Account;
using OpenMash.Web.Features.Admin;
using OpenMash.Web.Features.Api;
using OpenMash.Web.Features.Checks;
using OpenMash.Web.Features.Consent;
using OpenMash.Web.Features.Contacts;
using OpenMash.Web.Features.Dashboard;
using OpenMash.Web.Features.DataSharing;
using OpenMash.Web.Features.Decisions;
using OpenMash.Web.Features.Duplicates;
using OpenMash.Web.Features.Messaging;
using OpenMash.Web.Features.People;
using OpenMash.Web.Features.Screening;
using OpenMash.Web.Features.Shared;
using OpenMash.Web.Features.TaskGroup;
using OpenMash.Web.Features.Timeliness;
using OpenMash.Web.Security;

namespace OpenMash.Web;

/// <summary>Service registration and the request pipeline, shared by the web host and the command verbs.</summary>
public static class Startup
{
    public const string SignInRateLimit = SecurityServiceCollectionExtensions.SignInRateLimit;

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
        services.AddScoped<CurrentActor>();

        // Platform: the database, sign-in and who may do what.
        services.AddOpenMashDatabase();
        services.AddOpenMashKeyRing(configuration, builder.Environment);
        services.AddOpenMashSignIn();
        services.AddOpenMashAuthorization();
        services.AddOpenMashRateLimits();

        // Features, each with its own services; their pages' policies and record guards are in each Conventions.cs.
        services.AddAccount();
        services.AddAdmin();
        services.AddTimeliness(configuration);
        services.AddPeople();
        services.AddContacts();
        services.AddDuplicates();
        services.AddDataSharing();
        services.AddAccess();
        services.AddScreening();
        services.AddChecks();
        services.AddConsent();
        services.AddDecisions();
        services.AddTaskGroup();
        services.AddDashboard();
        services.AddMessaging(configuration);
        services.AddOpenMashApi();
        services.AddDemo();

        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.AuthorizeFolder("/", Policies.SignedIn);
            o.Conventions.AddFeatureConventions();
            foreach (var page in AnonymousPages)
            {
                o.Conventions.AllowAnonymousToPage(page);
            }
        }).AddMvcOptions(o => o.Filters.Add<NormaliseTextInputFilter>());
        services.AddProblemDetails();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
    }

    /// <summary>Pages anyone may open. A test fails if a page or endpoint is anonymous without being listed here.</summary>
    public static readonly IReadOnlyList<string> AnonymousPages =
    [
        "/Account/SignIn", "/Account/TwoFactor", "/Account/SetUpTwoFactor", "/Error", "/Accessibility",
        "/Account/SetUp",
    ];

    public static readonly IReadOnlyList<string> AnonymousEndpoints = ["/health/live", "/health/ready", TokenEndpoint.Path, ApiSetup.OpenApiPath];

    /// <summary>Machine clients: errors are problem details (or OAuth errors), never an HTML page or a redirect.</summary>
    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/connect");

    private static readonly PathString GovukAssetsPath = "/assets";
    private static readonly PathString GovukAssetsFolder = "/lib/govuk-frontend/assets";

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

        // GOV.UK Frontend's style sheet asks for its fonts and images under /assets: they are its own copy in the web
        // root, which is found wherever the app runs from (the app's folder, or the project's in development).
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(GovukAssetsPath, StringComparison.OrdinalIgnoreCase, out var rest))
            {
                context.Request.Path = GovukAssetsFolder.Add(rest);
            }

            return next(context);
        });
        app.UseStaticFiles();

        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseOpenMashApiRouting();
        app.UseAuthorization();
        app.UseMiddleware<Features.Shared.Forms.SubmitOnceMiddleware>();

        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapRazorPages();
        app.MapOpenMashApi();
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
