using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Features.Account;

public sealed class SessionTests(ProductionHashingFactory factory) : IClassFixture<ProductionHashingFactory>
{
    [Fact]
    public async Task Session_WhenTheUserIsDisabled_EndsOnTheirNextRequest()
    {
        var victim = new PageClient(factory.CreateBrowserlessClient());
        await victim.SignInAsDemoAsync("stoke.analyst");
        Assert.Equal(HttpStatusCode.OK, (await victim.Http.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);

        var admin = new PageClient(factory.CreateBrowserlessClient());
        await admin.SignInAsDemoAsync("stoke.admin");
        var id = await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "stoke.analyst").Select(u => u.Id).SingleAsync());
        var saved = await admin.PostFormAsync($"/Admin/Users/Edit/{id}", [new("SelectedRoles", "PartnershipAnalyst"), new("Status", "disabled")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var next = await victim.Http.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.StartsWith("/Account/SignIn", next.Headers.Location?.PathAndQuery ?? next.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.SessionEnded && e.UserName == "stoke.analyst")));
        var again = await victim.PostFormAsync("/Account/SignIn", [new("UserName", "stoke.analyst"), new("Password", OpenMashFactory.DemoPassword)]);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task Session_WhenTheUsersRolesChange_EndsAndTheNextSignInCarriesThem()
    {
        var user = new PageClient(factory.CreateBrowserlessClient());
        await user.SignInAsDemoAsync("stoke.referrer");
        Assert.Equal(HttpStatusCode.Forbidden, (await user.Http.GetAsync(new Uri("/Audit", UriKind.Relative))).StatusCode);

        var admin = new PageClient(factory.CreateBrowserlessClient());
        await admin.SignInAsDemoAsync("stoke.admin");
        var id = await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "stoke.referrer").Select(u => u.Id).SingleAsync());
        await admin.PostFormAsync($"/Admin/Users/Edit/{id}", [new("SelectedRoles", "Referrer"), new("SelectedRoles", "InformationGovernanceOfficer"), new("Status", "active")]);

        // The role change rotates the security stamp, so the old session ends and a new sign-in carries the new role.
        var next = await user.Http.GetAsync(new Uri("/Audit", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        await user.SignInAsDemoAsync("stoke.referrer");
        Assert.Equal(HttpStatusCode.OK, (await user.Http.GetAsync(new Uri("/Audit", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Session_AfterTheIdleTimeout_Ends()
    {
        var user = new PageClient(factory.CreateBrowserlessClient());
        await user.SignInAsDemoAsync("stoke.manager");
        Assert.Equal(HttpStatusCode.OK, (await user.Http.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);

        factory.Clock.Advance(TimeSpan.FromMinutes(31));

        Assert.Equal(HttpStatusCode.Redirect, (await user.Http.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Session_EndsAfterTheAbsoluteTimeout_EvenWhenActive()
    {
        var user = new PageClient(factory.CreateBrowserlessClient());
        await user.SignInAsDemoAsync("stoke.screener");
        for (var i = 0; i < 21; i++)
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(29));
            var response = await user.Http.GetAsync(new Uri("/", UriKind.Relative));
            if (i < 20)
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
            else
            {
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            }
        }

        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.SessionEnded && e.Detail == "absolute session time-out")));
    }
}
