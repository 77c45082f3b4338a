using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Features.Admin;

public sealed class AdminTests(OpenMashFactory factory) : IClassFixture<OpenMashFactory>
{
    [Fact]
    public async Task Administrator_AddsAUser_WhoThenMustSetUpTwoFactor()
    {
        var admin = new PageClient(factory.CreateBrowserlessClient());
        await admin.SignInAsDemoAsync("staffs.admin");
        var agencyId = await factory.WithDbAsync(db => db.Agencies.Where(a => a.Name == "Staffordshire Police").Select(a => a.Id).SingleAsync());

        var response = await admin.PostFormAsync("/Admin/Users/Create",
            [new("DisplayName", "Robin Example"), new("UserName", "robin.example"), new("AgencyId", agencyId.ToString()), new("SelectedRoles", "AgencyResearcher")]);
        var page = await PageClient.ParseAsync(response);
        var link = page.QuerySelector("[data-testid=set-up-link]")?.TextContent.Trim();

        // No password is shown any more: the person sets their own from the single-use link, then two-factor sign-in.
        Assert.Null(page.QuerySelector("[data-testid=initial-password]"));
        Assert.False(string.IsNullOrEmpty(link));
        var user = new PageClient(factory.CreateBrowserlessClient());
        var path = new Uri(link!).PathAndQuery;
        var token = path[(path.IndexOf("token=", StringComparison.Ordinal) + 6)..];
        var setUp = await user.PostFormAsync(path, [new("Token", token), new("Password", "their-own-long-password"), new("ConfirmPassword", "their-own-long-password")], "/Account/SetUp");
        Assert.StartsWith("/Account/SetUpTwoFactor", setUp.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddUser_WithNothingFilledIn_ListsEveryProblemAndStoresNothing()
    {
        var admin = new PageClient(factory.CreateBrowserlessClient());
        await admin.SignInAsDemoAsync("staffs.admin");
        var before = await factory.WithDbAsync(db => db.Users.CountAsync());

        var page = await PageClient.ParseAsync(await admin.PostFormAsync("/Admin/Users/Create", []));

        Assert.Equal(["#DisplayName", "#UserName", "#AgencyId", "#SelectedRoles"], page.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")).ToList());
        Assert.Equal(before, await factory.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task AddUser_ForAnAgencyOutsideTheHub_IsRefused()
    {
        var admin = new PageClient(factory.CreateBrowserlessClient());
        await admin.SignInAsDemoAsync("staffs.admin");
        var stokeSchool = await factory.WithDbAsync(db => db.Agencies.Where(a => a.Name == "Kingsfield Academy (demo)").Select(a => a.Id).SingleAsync());

        var page = await PageClient.ParseAsync(await admin.PostFormAsync("/Admin/Users/Create",
            [new("DisplayName", "Out Of Hub"), new("UserName", "out.of.hub"), new("AgencyId", stokeSchool.ToString()), new("SelectedRoles", "Referrer")]));

        Assert.Contains("serves this hub", page.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "out.of.hub")));
    }

    [Fact]
    public async Task AdminPages_ForAHubsAdministrator_ShowOnlyThatHubsUsersAndSettings()
    {
        var admin = new PageClient(factory.CreateBrowserlessClient());
        await admin.SignInAsDemoAsync("stoke.admin");

        var (_, users) = await admin.GetPageAsync("/Admin/Users");
        var (_, settings) = await admin.GetPageAsync("/Admin/Settings");

        var names = users.QuerySelectorAll("tbody tr td:nth-child(2)").Select(td => td.TextContent).ToList();
        Assert.Contains("stoke.screener", names);
        Assert.DoesNotContain(names, n => n.StartsWith("staffs.", StringComparison.Ordinal));
        Assert.Contains("Stoke-on-Trent", settings.QuerySelector("#SupportContact")?.GetAttribute("value"), StringComparison.Ordinal);
        var staffsUserId = await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "staffs.screener").Select(u => u.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.GetAsync(new Uri($"/Admin/Users/Edit/{staffsUserId}", UriKind.Relative))).StatusCode);
    }
}
