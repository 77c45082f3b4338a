using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenMash.Web.Data;
using OpenMash.Web.Security;

namespace OpenMash.BrowserTests;

/// <summary>The owning hub's read-only list of the other hub's break-glass access to its records.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessReviewFixesAccessibilityTests(BrowserFixture fixture)
{
    [Fact]
    public async Task GrantList_OfTheOwningHubReadOnly_HasNoAxeViolations()
    {
        var grantId = Guid.NewGuid();
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(Actor.System("browser-test"));
            var db = scope.ServiceProvider.GetRequiredService<OpenMashDbContext>();
            var staffs = await db.Hubs.Where(h => h.Code == "STAFFS").Select(h => h.Id).SingleAsync();
            var stoke = await db.Hubs.Where(h => h.Code == "STOKE").Select(h => h.Id).SingleAsync();
            var screener = await db.Users.Where(u => u.UserName == "staffs.screener").Select(u => new { u.Id, u.AgencyId }).SingleAsync();
            var child = await db.Persons.IgnoreQueryFilters().Where(p => p.HubId == staffs).Select(p => p.Id).FirstAsync();
            var now = DateTime.UtcNow;
            db.Set<BreakGlassGrant>().Add(new BreakGlassGrant
            {
                Id = grantId,
                UserId = screener.Id,
                UserName = "staffs.screener",
                AgencyId = screener.AgencyId,
                HubId = staffs,
                PersonId = child,
                OwningHubId = stoke,
                Reason = BreakGlassReason.OutOfHoursEmergency,
                Justification = "Fictional: browser test, not for the owning hub.",
                GrantedAtUtc = now,
                ExpiresAtUtc = now.AddMinutes(60),
            });
            await db.SaveChangesAsync();
        }

        var ig = await fixture.NewPageAsync();
        await ig.SignInAsync("stoke.ig");
        await ig.WaitForURLAsync(fixture.BaseUrl + "/");
        await ig.GotoAsync("/Access/Reviews");
        Assert.True(await ig.Locator($"[data-testid=grants-of-our-records] [data-grant='{grantId}']").IsVisibleAsync());
        Assert.DoesNotContain("not for the owning hub", await ig.ContentAsync(), StringComparison.Ordinal);
        await ig.AssertAccessibleAsync();
    }
}
