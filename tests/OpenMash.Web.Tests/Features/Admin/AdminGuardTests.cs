using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Features.Admin;

public sealed class AdminGuardTests(OpenMashFactory factory) : IClassFixture<OpenMashFactory>
{
    [Fact]
    public async Task EditUser_AdministratorGivingThemselvesACaseWorkRole_IsRefused()
    {
        var admin = new PageClient(factory.CreateBrowserlessClient());
        await admin.SignInAsDemoAsync("staffs.admin");
        var self = await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "staffs.admin").Select(u => u.Id).SingleAsync());

        var page = await PageClient.ParseAsync(await admin.PostFormAsync($"/Admin/Users/Edit/{self}",
            [new("SelectedRoles", "Administrator"), new("SelectedRoles", "MashManager"), new("Status", "active")]));

        Assert.NotNull(page.QuerySelector(".govuk-error-summary"));
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.Http.GetAsync(new Uri("/Screening", UriKind.Relative))).StatusCode);
        var roles = await factory.WithDbAsync(db => (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == self select r.Name).ToListAsync());
        Assert.Equal(["Administrator"], roles);
    }

    [Fact]
    public async Task EditUser_WithAnotherUsersIdPostedInTheForm_ChangesOnlyTheUserInTheAddress()
    {
        var admin = new PageClient(factory.CreateBrowserlessClient());
        await admin.SignInAsDemoAsync("staffs.admin");
        var (analyst, police) = await factory.WithDbAsync(async db => (
            await db.Users.Where(u => u.UserName == "staffs.analyst").Select(u => u.Id).SingleAsync(),
            await db.Users.Where(u => u.UserName == "staffs.police").Select(u => u.Id).SingleAsync()));

        var response = await admin.PostFormAsync($"/Admin/Users/Edit/{analyst}",
            [new("Id", police.ToString()), new("SelectedRoles", "PartnershipAnalyst"), new("Status", "disabled")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (analystDisabled, policeDisabled) = await factory.WithDbAsync(async db => (
            await db.Users.Where(u => u.Id == analyst).Select(u => u.IsDisabled).SingleAsync(),
            await db.Users.Where(u => u.Id == police).Select(u => u.IsDisabled).SingleAsync()));
        Assert.True(analystDisabled);
        Assert.False(policeDisabled);
    }

    [Theory]
    [InlineData("ScreeningSocialWorker")]
    [InlineData("AgencyResearcher")]
    public async Task AddUser_AsBothAdministratorAndCaseWorker_IsRefused(string caseRole)
    {
        var admin = new PageClient(factory.CreateBrowserlessClient());
        await admin.SignInAsDemoAsync("stoke.admin");
        var agency = await factory.WithDbAsync(db => db.Agencies.Where(a => a.Name == "Staffordshire Police").Select(a => a.Id).SingleAsync());

        var page = await PageClient.ParseAsync(await admin.PostFormAsync("/Admin/Users/Create",
            [new("DisplayName", "Dual Role"), new("UserName", "dual.role." + caseRole), new("AgencyId", agency.ToString()), new("SelectedRoles", "Administrator"), new("SelectedRoles", caseRole)]));

        Assert.Equal("#SelectedRoles", page.QuerySelector(".govuk-error-summary__list a")?.GetAttribute("href"));
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "dual.role." + caseRole)));
    }

    [Fact]
    public async Task DisableAgency_ThatAlsoServesTheOtherHub_IsRefused()
    {
        var admin = new PageClient(factory.CreateBrowserlessClient());
        await admin.SignInAsDemoAsync("stoke.admin");
        var police = await factory.WithDbAsync(db => db.Agencies.Where(a => a.Name == "Staffordshire Police").Select(a => a.Id).SingleAsync());

        var page = await PageClient.ParseAsync(await admin.PostFormAsync($"/Admin/Agencies/Edit/{police}", [new("Status", "disabled")]));

        Assert.Contains("also serves Staffordshire MASH", page.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Agencies.Where(a => a.Id == police).Select(a => a.IsDisabled).SingleAsync()));

        var ownSchool = await factory.WithDbAsync(db => db.Agencies.Where(a => a.Name == "Kingsfield Academy (demo)").Select(a => a.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/Admin/Agencies/Edit/{ownSchool}", [new("Status", "disabled")])).StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.Agencies.Where(a => a.Id == ownSchool).Select(a => a.IsDisabled).SingleAsync()));
    }

    [Fact]
    public async Task EnableAgency_ThatAlsoServesTheOtherHub_IsRefusedLikeDisabling()
    {
        // Disabled for every hub (by the system administrator); one hub's administrator may not bring it back alone.
        await using var app = new OpenMashFactory();
        var probation = await app.WithDbAsync(db => db.Agencies.Where(a => a.Name == "Probation Service (Staffordshire and Stoke-on-Trent)").Select(a => a.Id).SingleAsync());
        await app.WithDbAsync(db => db.Agencies.Where(a => a.Id == probation).ExecuteUpdateAsync(u => u.SetProperty(a => a.IsDisabled, true)));
        var admin = new PageClient(app.CreateBrowserlessClient());
        await admin.SignInAsDemoAsync("staffs.admin");

        var page = await PageClient.ParseAsync(await admin.PostFormAsync($"/Admin/Agencies/Edit/{probation}", [new("Status", "active")]));

        Assert.Contains("re-enabling it needs the agreement of every hub it serves", page.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.Agencies.Where(a => a.Id == probation).Select(a => a.IsDisabled).SingleAsync()));
    }
}
