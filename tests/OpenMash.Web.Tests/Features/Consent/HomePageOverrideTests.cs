using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Tests.Features.Screening;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Features.Consent;

/// <summary>Managers and IG officers see on their home page how many overrides wait for approval and how many are overdue.</summary>
public sealed class HomePageOverrideTests(OpenMashFactory factory) : IClassFixture<OpenMashFactory>
{
    [Fact]
    public async Task HomePage_ForManagersAndIg_CountsPendingOverridesAndFlagsOverdueOnes()
    {
        var hub = await FrontDoorData.HubIdAsync(factory);
        var now = factory.Clock.GetUtcNow().UtcDateTime;

        // Make every pending urgent override of the hub overdue, so the flag must show.
        var (pending, overdue) = await factory.WithDbAsync(async db =>
        {
            var rows = await db.ConsentOverrides.IgnoreQueryFilters().Where(o => o.HubId == hub && o.Status == OverrideStatus.Pending).ToListAsync();
            foreach (var o in rows.Where(o => o.TakesEffectAtOnce))
            {
                o.ApprovalDueUtc = now.AddHours(-1);
            }

            await db.SaveChangesAsync();
            return (rows.Count, rows.Count(o => o.TakesEffectAtOnce));
        });
        Assert.True(pending > 0, "the demo data has a pending override in each hub");
        Assert.True(overdue > 0, "the demo data has an urgent override in force in each hub");

        var manager = new PageClient(factory.CreateBrowserlessClient());
        await manager.SignInAsDemoAsync("staffs.manager");
        var (_, home) = await manager.GetPageAsync("/");
        var tag = home.QuerySelector("[data-testid=pending-overrides]")!;
        Assert.Equal($"{pending} waiting, {overdue} overdue", tag.TextContent.Trim());
        Assert.Contains("govuk-tag--red", tag.ClassName, StringComparison.Ordinal);

        var ig = new PageClient(factory.CreateBrowserlessClient());
        await ig.SignInAsDemoAsync("staffs.ig");
        var (_, igHome) = await ig.GetPageAsync("/");
        Assert.Equal($"{overdue} overdue for approval", igHome.QuerySelector("[data-testid=overdue-overrides]")!.TextContent.Trim());

        var screener = new PageClient(factory.CreateBrowserlessClient());
        await screener.SignInAsDemoAsync("staffs.screener");
        var (_, screenerHome) = await screener.GetPageAsync("/");
        Assert.Null(screenerHome.QuerySelector("[data-testid=pending-overrides]"));
    }
}
