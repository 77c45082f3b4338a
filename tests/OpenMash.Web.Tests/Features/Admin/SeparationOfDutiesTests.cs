using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Tests.Infrastructure;
using OtpNet;

namespace OpenMash.Web.Tests.Features.Admin;

/// <summary>
/// Issue 10 finding 10: an administrator could add an account with case roles, read its initial password, enrol its
/// second factor and open the screening queue. Now the account has no case role until a second administrator
/// approves, the administrator sees a single-use set-up link and never a password, and the link works once.
/// </summary>
public sealed class SeparationOfDutiesTests(OpenMashFactory factory) : IClassFixture<OpenMashFactory>
{
    private const string NewPassword = "a-long-enough-password-of-their-own";

    [Fact]
    public async Task CaseRoleAccount_AddedByOneAdministrator_CannotOpenTheQueueUntilASecondApproves()
    {
        var admin = new PageClient(factory.CreateBrowserlessClient());
        await admin.SignInAsDemoAsync("staffs.admin");
        var (added, link) = await AddUserAsync(admin, "sod.screener", "ScreeningSocialWorker");

        // No password exists to read (none is set), none is on the page; only the hash of the link's token is stored; the role waits.
        Assert.Null(added.QuerySelector("[data-testid=initial-password]"));
        Assert.Contains("Screening social worker", added.QuerySelector("[data-testid=pending-roles]")?.TextContent, StringComparison.Ordinal);
        var token = link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..];
        var user = await factory.WithDbAsync(db => db.Users.SingleAsync(u => u.UserName == "sod.screener"));
        Assert.Null(user.PasswordHash);
        Assert.False(await factory.WithDbAsync(db => db.UserRoles.AnyAsync(r => r.UserId == user.Id)));
        Assert.False(await factory.WithDbAsync(db => db.Set<AccountSetUpLink>().AnyAsync(l => l.TokenHash == token)));
        Assert.True(await factory.WithDbAsync(db => db.Set<AccountSetUpLink>().AnyAsync(l => l.TokenHash == AccountSetUpLink.Hash(token))));

        // The administrator misuses the link to take the account: it still cannot open the queue.
        var taken = await SetUpAsync(link);
        Assert.Equal(HttpStatusCode.Forbidden, (await taken.Http.GetAsync(new Uri("/Screening", UriKind.Relative))).StatusCode);

        // The same administrator cannot approve their own request: refused and audited.
        var grant = await factory.WithDbAsync(db => db.Set<RoleGrant>().IgnoreQueryFilters().SingleAsync(g => g.UserId == user.Id));
        var self = await admin.PostFormAsync($"/Admin/Grants/Decide/{grant.Id}", [new("Decision", "approve"), new("Confirmed", "true")]);
        Assert.Equal(HttpStatusCode.Forbidden, self.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.TargetId == grant.Id.ToString() && e.Outcome == AuditOutcome.Refused && e.UserName == "staffs.admin")));
        Assert.Equal(RoleGrantStatus.Pending, await factory.WithDbAsync(db => db.Set<RoleGrant>().IgnoreQueryFilters().Where(g => g.Id == grant.Id).Select(g => g.Status).SingleAsync()));

        // A second administrator approves, after a confirmation step: then the role is held.
        var second = new PageClient(factory.CreateBrowserlessClient());
        await second.SignInAsDemoAsync("staffs.admin2");
        var (_, list) = await second.GetPageAsync("/Admin/Grants");
        Assert.Contains("sod.screener", list.QuerySelector("[data-testid=grants]")?.TextContent, StringComparison.Ordinal);
        var check = await PageClient.ParseAsync(await second.PostFormAsync($"/Admin/Grants/Decide/{grant.Id}", [new("Decision", "approve")]));
        Assert.Contains("Are you sure", check.QuerySelector("h1")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await second.PostFormAsync($"/Admin/Grants/Decide/{grant.Id}", [new("Decision", "approve"), new("Confirmed", "true")])).StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.UserRoles.AnyAsync(r => r.UserId == user.Id)));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.ApproveRoleGrant && e.UserName == "staffs.admin2" && e.TargetId == grant.Id.ToString())));
    }

    [Fact]
    public async Task SetUpLink_UsedByItsPerson_WorksOnceSoNobodyElseCanEnrolTheSecondFactor()
    {
        var admin = new PageClient(factory.CreateBrowserlessClient());
        await admin.SignInAsDemoAsync("staffs.admin");
        var (_, link) = await AddUserAsync(admin, "sod.analyst", "PartnershipAnalyst");

        var person = await SetUpAsync(link);
        Assert.Equal(HttpStatusCode.OK, (await person.Http.GetAsync(new Uri("/Dashboard", UriKind.Relative))).StatusCode);

        // The administrator who saw the link tries it afterwards: refused, audited, nothing to enrol.
        var (_, again) = await new PageClient(factory.CreateBrowserlessClient()).GetPageAsync(new Uri(link).PathAndQuery);
        Assert.NotNull(again.QuerySelector("[data-testid=link-refused]"));
        Assert.Null(again.QuerySelector("input[name=Password]"));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.AccountSetUpRefused && e.Outcome == AuditOutcome.Refused)));
    }

    [Fact]
    public async Task SetUpLink_AfterItExpires_IsRefused()
    {
        await using var app = new OpenMashFactory();
        var admin = new PageClient(app.CreateBrowserlessClient());
        await admin.SignInAsDemoAsync("stoke.admin");
        var (_, link) = await AddUserAsync(admin, "sod.late", "PartnershipAnalyst", app);

        app.Clock.Advance(AccountSetUpLink.Lifetime + TimeSpan.FromMinutes(1));
        var (_, page) = await new PageClient(app.CreateBrowserlessClient()).GetPageAsync(new Uri(link).PathAndQuery);

        Assert.NotNull(page.QuerySelector("[data-testid=link-refused]"));
    }

    [Fact]
    public async Task EditUser_AddingACaseRole_OnlyAsksForIt()
    {
        var admin = new PageClient(factory.CreateBrowserlessClient());
        await admin.SignInAsDemoAsync("stoke.admin");
        var analyst = await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "stoke.analyst").Select(u => u.Id).SingleAsync());

        var saved = await admin.PostFormAsync($"/Admin/Users/Edit/{analyst}",
            [new("SelectedRoles", "PartnershipAnalyst"), new("SelectedRoles", "MashManager"), new("Status", "active")]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var roles = await factory.WithDbAsync(db => (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == analyst select r.Name).ToListAsync());
        Assert.Equal(["PartnershipAnalyst"], roles);
        Assert.True(await factory.WithDbAsync(db => db.Set<RoleGrant>().IgnoreQueryFilters().AnyAsync(g => g.UserId == analyst && g.Role == "MashManager" && g.Status == RoleGrantStatus.Pending)));
        var (_, edit) = await admin.GetPageAsync($"/Admin/Users/Edit/{analyst}");
        Assert.Contains("Waiting for another administrator's approval: MASH manager", edit.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddUser_AsAnotherAdministrator_WaitsForASecondAdministrator()
    {
        // Otherwise one administrator could make a second administrator to approve their own requests.
        var admin = new PageClient(factory.CreateBrowserlessClient());
        await admin.SignInAsDemoAsync("staffs.admin");

        await AddUserAsync(admin, "sod.admin", "Administrator");

        var id = await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "sod.admin").Select(u => u.Id).SingleAsync());
        Assert.False(await factory.WithDbAsync(db => db.UserRoles.AnyAsync(r => r.UserId == id)));
        Assert.True(await factory.WithDbAsync(db => db.Set<RoleGrant>().IgnoreQueryFilters().AnyAsync(g => g.UserId == id && g.Role == "Administrator" && g.Status == RoleGrantStatus.Pending)));
    }

    private async Task<(AngleSharp.Html.Dom.IHtmlDocument Page, string Link)> AddUserAsync(PageClient admin, string userName, string role, OpenMashFactory? app = null)
    {
        var hubAgency = await (app ?? factory).WithDbAsync(db => db.Users.Where(u => u.UserName == (userName == "sod.late" ? "stoke.admin" : "staffs.admin")).Select(u => u.AgencyId).SingleAsync());
        var response = await admin.PostFormAsync("/Admin/Users/Create",
            [new("DisplayName", "Fictional " + userName), new("UserName", userName), new("AgencyId", hubAgency.ToString()), new("SelectedRoles", role)]);
        var page = await PageClient.ParseAsync(response);
        var link = page.QuerySelector("[data-testid=set-up-link]")?.TextContent.Trim();
        Assert.False(string.IsNullOrEmpty(link), "no set-up link shown");
        return (page, link!);
    }

    /// <summary>Opens the link, sets a password and enrols an authenticator: signed in as the account.</summary>
    private async Task<PageClient> SetUpAsync(string link)
    {
        var client = new PageClient(factory.CreateBrowserlessClient());
        var path = new Uri(link).PathAndQuery;
        var token = path[(path.IndexOf("token=", StringComparison.Ordinal) + 6)..];
        var set = await client.PostFormAsync(path, [new("Token", token), new("Password", NewPassword), new("ConfirmPassword", NewPassword)], "/Account/SetUp");
        Assert.StartsWith("/Account/SetUpTwoFactor", set.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var (_, setUp) = await client.GetPageAsync("/Account/SetUpTwoFactor");
        var key = setUp.QuerySelector("[data-testid=shared-key]")!.TextContent.Replace(" ", string.Empty, StringComparison.Ordinal);
        var code = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(factory.Clock.GetUtcNow().UtcDateTime);
        var done = await client.PostFormAsync("/Account/SetUpTwoFactor", [new("Code", code)]);
        Assert.Equal("/", done.Headers.Location?.OriginalString);
        return client;
    }
}
