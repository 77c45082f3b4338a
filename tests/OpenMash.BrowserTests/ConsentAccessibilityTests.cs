using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenMash.Web.Data;
using OpenMash.Web.Security;

namespace OpenMash.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ConsentAccessibilityTests(BrowserFixture fixture)
{
    /// <summary>The demo's blocked early-help contact, its child, and the red contact's override awaiting approval.</summary>
    private async Task<(Guid Blocked, Guid Child, Guid OverrideId)> DemoAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(Actor.System("browser-test"));
        var db = scope.ServiceProvider.GetRequiredService<OpenMashDbContext>();
        var hub = await db.Hubs.Where(h => h.Code == "STAFFS").Select(h => h.Id).SingleAsync();
        var child = await db.Persons.IgnoreQueryFilters().Where(p => p.HubId == hub && p.FamilyName == "Waitforth" && p.GivenNames == "Rosie").Select(p => p.Id).SingleAsync();
        var blocked = await db.ContactSubjects.IgnoreQueryFilters().Where(s => s.PersonId == child).Select(s => s.ContactId).SingleAsync();
        var overrideId = await db.ConsentOverrides.IgnoreQueryFilters().Where(o => o.HubId == hub && o.Status == OverrideStatus.Pending).Select(o => o.Id).FirstAsync();
        return (blocked, child, overrideId);
    }

    private async Task<IPage> SignedInAsync(string user)
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(user);
        await page.WaitForURLAsync(fixture.BaseUrl + "/");
        return page;
    }

    private static async Task SubmitEmptyAsync(IPage page, string button)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
        Assert.True(await page.Locator(".govuk-error-summary").IsVisibleAsync());
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task ConsentPages_AndTheirErrorStates_HaveNoAxeViolationsAndRecordedConsentReleasesChecks()
    {
        var (blocked, child, overrideId) = await DemoAsync();

        var screener = await SignedInAsync("staffs.screener");
        await screener.GotoAsync($"/Screening/{blocked}");
        await screener.AssertAccessibleAsync();
        await screener.GetByLabel("Staffordshire Police").CheckAsync();
        await screener.GetByRole(AriaRole.Button, new() { Name = "Request checks" }).ClickAsync();
        Assert.Contains("Consent is needed before partner checks", await screener.Locator(".govuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
        await screener.AssertAccessibleAsync();

        await screener.GotoAsync($"/Consent/Share/{blocked}");
        await screener.AssertAccessibleAsync();
        await SubmitEmptyAsync(screener, "Save decision");

        await screener.GotoAsync($"/Consent/Record/{blocked}");
        await screener.AssertAccessibleAsync();
        await screener.Locator("#Status").UncheckAsync();
        await screener.Locator("#PersonIds").UncheckAsync();
        await SubmitEmptyAsync(screener, "Save consent record");

        // The whole journey by keyboard-reachable controls: record consent, then the check goes.
        await screener.GotoAsync($"/Consent/Record/{blocked}");
        await screener.Locator("#Status").CheckAsync();
        await screener.Locator("#GivenBy").CheckAsync();
        await screener.GetByLabel("Their name").FillAsync("Morgan Waitforth");
        await screener.GetByLabel("Police", new() { Exact = true }).CheckAsync();
        var today = DateTime.UtcNow;
        await screener.Locator("#DecidedOn").FillAsync(today.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await screener.Locator("#DecidedOn-month").FillAsync(today.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await screener.Locator("#DecidedOn-year").FillAsync(today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await screener.GetByLabel("Evidence").FillAsync("Verbal, phone call with the parent (fictional).");
        await screener.GetByRole(AriaRole.Button, new() { Name = "Save consent record" }).ClickAsync();
        await screener.AssertAccessibleAsync();
        await screener.GetByLabel("Staffordshire Police").CheckAsync();
        await screener.GetByRole(AriaRole.Button, new() { Name = "Request checks" }).ClickAsync();
        Assert.Equal(1, await screener.Locator("[data-testid=answer][data-agency='Staffordshire Police']").CountAsync());
        Assert.Equal(1, await screener.Locator("[data-testid=sharing-decision]").CountAsync());
        await screener.AssertAccessibleAsync();

        await screener.GotoAsync($"/People/{child}");
        Assert.Equal(1, await screener.Locator("[data-testid=consent-history] tbody tr").CountAsync());
        await screener.AssertAccessibleAsync();

        var senior = await SignedInAsync("staffs.senior");
        await senior.GotoAsync($"/Consent/Override/{blocked}");
        await senior.AssertAccessibleAsync();
        await SubmitEmptyAsync(senior, "Request override");

        var manager = await SignedInAsync("staffs.manager");
        await manager.GotoAsync("/Consent/Overrides");
        await manager.AssertAccessibleAsync();
        await manager.GotoAsync($"/Consent/Overrides/{overrideId}");
        await manager.AssertAccessibleAsync();
        await SubmitEmptyAsync(manager, "Save decision");

        var ig = await SignedInAsync("staffs.ig");
        await ig.GotoAsync("/Consent/Governance");
        Assert.True(await ig.Locator("[data-testid=ig-overrides] tbody tr").CountAsync() >= 1);
        await ig.AssertAccessibleAsync();
    }
}
