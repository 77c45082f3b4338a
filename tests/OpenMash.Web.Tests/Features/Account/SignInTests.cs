using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenMash.Web.Features.Account;
using OpenMash.Web.Security;
using OpenMash.Web.Tests.Infrastructure;
using OtpNet;

namespace OpenMash.Web.Tests.Features.Account;

public sealed class SignInTests(ProductionHashingFactory factory) : IClassFixture<ProductionHashingFactory>
{
    private PageClient NewClient() => new(factory.CreateBrowserlessClient());

    [Fact]
    public async Task SignInPage_IsServedToAnonymousUsers_WithGovukLayout()
    {
        var (response, page) = await NewClient().GetPageAsync("/Account/SignIn");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Sign in to OpenMash", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("a.govuk-skip-link[href='#main-content']"));
        Assert.NotNull(page.QuerySelector(".govuk-phase-banner"));
    }

    [Fact]
    public async Task ProtectedPage_WhenAnonymous_RedirectsToSignIn()
    {
        var response = await factory.CreateBrowserlessClient().GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/SignIn", response.Headers.Location?.PathAndQuery ?? response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoUser_InDemoMode_SkipsTwoFactorAndLandsOnRoleHomePage()
    {
        var client = NewClient();
        await client.SignInAsDemoAsync("staffs.admin");

        var (response, page) = await client.GetPageAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Staffordshire MASH", page.QuerySelector(".govuk-caption-l")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Administrator", page.QuerySelector("#role-Administrator")?.TextContent);
        Assert.Null(page.QuerySelector("#role-ScreeningSocialWorker"));
        var audited = await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.SignIn && e.UserName == "staffs.admin" && e.Detail!.Contains("demo-exempt")));
        Assert.True(audited);
    }

    [Fact]
    public async Task SignIn_WithAWrongPassword_ShowsErrorSummaryAndIsAudited()
    {
        var response = await NewClient().PostFormAsync("/Account/SignIn", [new("UserName", "staffs.screener"), new("Password", "not the password")]);
        var page = await PageClient.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SignInModel.FailedMessage, page.QuerySelector(".govuk-error-summary__list a")?.TextContent);
        Assert.StartsWith("Error:", page.Title, StringComparison.Ordinal);
        var refused = await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.SignInFailed && e.UserName == "staffs.screener" && e.Outcome == AuditOutcome.Refused));
        Assert.True(refused >= 1);
    }

    [Fact]
    public async Task SignIn_WithAnEmptyForm_ListsEveryProblem()
    {
        var response = await NewClient().PostFormAsync("/Account/SignIn", []);
        var page = await PageClient.ParseAsync(response);

        var errors = page.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#UserName", "#Password"], errors);
    }

    [Fact]
    public async Task RepeatedFailures_LockTheAccount_EvenWithTheRightPasswordAndWithTheWrongDetailsMessage()
    {
        await CreateUserAsync("lockout.user", "a-long-enough-password", twoFactor: false);
        var client = NewClient();
        for (var i = 0; i < 5; i++)
        {
            await client.PostFormAsync("/Account/SignIn", [new("UserName", "lockout.user"), new("Password", "wrong-password-" + i)]);
        }

        var response = await client.PostFormAsync("/Account/SignIn", [new("UserName", "lockout.user"), new("Password", "a-long-enough-password")]);
        var page = await PageClient.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The same message as a wrong password or an unknown name (finding 9: no account-existence oracle).
        Assert.Equal(SignInModel.FailedMessage, page.QuerySelector(".govuk-error-summary__list a")?.TextContent);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.SignInLockedOut && e.UserName == "lockout.user")));
    }

    [Fact]
    public async Task NonDemoUser_MustSetUpTwoFactor_ThenACodeIsAcceptedOnceOnly()
    {
        await CreateUserAsync("totp.user", "a-long-enough-password", twoFactor: false);

        // First sign-in: the password leads to set-up, not into the service.
        var client = NewClient();
        var response = await client.PostFormAsync("/Account/SignIn", [new("UserName", "totp.user"), new("Password", "a-long-enough-password")]);
        Assert.StartsWith("/Account/SetUpTwoFactor", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.Http.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);

        var (_, setUp) = await client.GetPageAsync("/Account/SetUpTwoFactor");
        var key = setUp.QuerySelector("[data-testid=shared-key]")!.TextContent.Replace(" ", string.Empty, StringComparison.Ordinal);
        var totp = new Totp(Base32Encoding.ToBytes(key));
        var code = totp.ComputeTotp(factory.Clock.GetUtcNow().UtcDateTime);
        response = await client.PostFormAsync("/Account/SetUpTwoFactor", [new("Code", code)]);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);

        // A second browser replays the same code: refused.
        var replay = NewClient();
        response = await replay.PostFormAsync("/Account/SignIn", [new("UserName", "totp.user"), new("Password", "a-long-enough-password")]);
        Assert.StartsWith("/Account/TwoFactor", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        response = await replay.PostFormAsync("/Account/TwoFactor", [new("Code", code)]);
        var page = await PageClient.ParseAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("already been used", page.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await replay.Http.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);

        // The next code, a time step later, is accepted.
        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        response = await replay.PostFormAsync("/Account/TwoFactor", [new("Code", totp.ComputeTotp(factory.Clock.GetUtcNow().UtcDateTime))]);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.SignIn && e.UserName == "totp.user" && e.Detail!.Contains("totp"))));
    }

    [Fact]
    public async Task DemoAccount_OutsideDemoMode_StillNeedsTwoFactor()
    {
        await using var strict = new OpenMashFactory();
        strict.Settings["Demo:Enabled"] = "false";
        await using (var scope = strict.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Web.Demo.DemoSeeder>().SeedAsync();
        }

        var client = new PageClient(strict.CreateBrowserlessClient());

        var response = await client.PostFormAsync("/Account/SignIn", [new("UserName", "staffs.screener"), new("Password", OpenMashFactory.DemoPassword)]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/SetUpTwoFactor", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRejected()
    {
        var response = await factory.CreateBrowserlessClient().PostAsync(
            new Uri("/Account/SignIn", UriKind.Relative),
            new FormUrlEncodedContent([new("UserName", "staffs.admin"), new("Password", OpenMashFactory.DemoPassword)]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("OpenMash=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SignOut_WhenSignedIn_EndsTheSession()
    {
        var client = NewClient();
        await client.SignInAsDemoAsync("staffs.analyst");

        var response = await client.PostFormAsync("/", [], action: "/Account/SignOut");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.Http.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
    }

    private Task<AppUser> CreateUserAsync(string userName, string password, bool twoFactor) => factory.WithDbAsync(async db =>
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(Actor.System("test"));
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var agency = await db.Agencies.FirstAsync(a => a.Type == AgencyType.ChildrensSocialCare);
        var hub = await db.Hubs.FirstAsync(h => h.Code == Web.Demo.DemoSeeder.StaffordshireCode);
        var user = new AppUser { UserName = userName, DisplayName = "Test User " + userName, AgencyId = agency.Id, HubId = hub.Id, LockoutEnabled = true, TwoFactorEnabled = twoFactor };
        var result = await users.CreateAsync(user, password);
        Assert.True(result.Succeeded, string.Join(";", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, Roles.ScreeningSocialWorker);
        return user;
    });
}
