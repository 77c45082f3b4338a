using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenMash.Web.Data;
using OpenMash.Web.Security;

namespace OpenMash.BrowserTests;

/// <summary>The other-hub panel, break glass (and its error state), access history, the IG review list and subject access.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessAccessibilityTests(BrowserFixture fixture)
{
    private async Task<Guid> SharedChildAsync(string hubCode)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(Actor.System("browser-test"));
        var db = scope.ServiceProvider.GetRequiredService<OpenMashDbContext>();
        return await db.Persons.IgnoreQueryFilters()
            .Where(p => p.GivenNames == "Juniper" && p.FamilyName == "Crossfield-Demo" && db.Hubs.Any(h => h.Id == p.HubId && h.Code == hubCode))
            .Select(p => p.Id).SingleAsync();
    }

    [Fact]
    public async Task AccessPages_AndTheirErrorStates_HaveNoAxeViolations()
    {
        var staffsChild = await SharedChildAsync("STAFFS");
        var stokeChild = await SharedChildAsync("STOKE");

        // Existence only, then break glass: the form, its error state, and the record opened under the grant.
        var screener = await fixture.NewPageAsync();
        await screener.SignInAsync("staffs.screener");
        await screener.WaitForURLAsync(fixture.BaseUrl + "/");
        await screener.GotoAsync($"/People/{staffsChild}");
        Assert.True(await screener.Locator("[data-testid=other-hub-existence]").IsVisibleAsync());
        await screener.AssertAccessibleAsync();
        await screener.GotoAsync($"/Access/BreakGlass/{staffsChild}");
        await screener.AssertAccessibleAsync();
        await screener.GetByRole(AriaRole.Button, new() { Name = "Break glass" }).ClickAsync();
        Assert.True(await screener.Locator(".govuk-error-summary").IsVisibleAsync());
        await screener.AssertAccessibleAsync();
        await screener.GetByLabel("The child is missing").CheckAsync();
        await screener.GetByLabel("What is happening, and why can it not wait?").FillAsync("Fictional: browser test, the child ran away from home tonight.");
        await screener.GetByRole(AriaRole.Button, new() { Name = "Break glass" }).ClickAsync();
        Assert.True(await screener.Locator("[data-testid=other-hub-content]").IsVisibleAsync());
        await screener.AssertAccessibleAsync();

        // The other hub's contact the grant opens: read only, with its banner.
        await screener.Locator("[data-testid=break-glass-contact]").First.ClickAsync();
        Assert.True(await screener.Locator("[data-testid=break-glass-banner]").IsVisibleAsync());
        await screener.AssertAccessibleAsync();

        // Content by agreement, on the record and in search results.
        var stoke = await fixture.NewPageAsync();
        await stoke.SignInAsync("stoke.screener");
        await stoke.WaitForURLAsync(fixture.BaseUrl + "/");
        await stoke.GotoAsync($"/People/{stokeChild}");
        Assert.True(await stoke.Locator("[data-testid=other-hub-content]").IsVisibleAsync());
        await stoke.AssertAccessibleAsync();
        await stoke.GotoAsync("/People");
        await stoke.GetByLabel("Name", new() { Exact = true }).FillAsync("Juniper");
        await stoke.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        Assert.True(await stoke.Locator("[data-testid=other-hubs]").IsVisibleAsync());
        await stoke.AssertAccessibleAsync();

        // The owning hub's manager: the notice on the home page and the child's access history.
        var manager = await fixture.NewPageAsync();
        await manager.SignInAsync("stoke.manager");
        await manager.WaitForURLAsync(fixture.BaseUrl + "/");
        Assert.True(await manager.Locator("[data-testid=access-notices]").IsVisibleAsync());
        await manager.AssertAccessibleAsync();
        await manager.GotoAsync($"/Access/History/{stokeChild}");
        await manager.AssertAccessibleAsync();

        // IG: the review list (and its error state), finding a person, subject access preview.
        var ig = await fixture.NewPageAsync();
        await ig.SignInAsync("staffs.ig");
        await ig.WaitForURLAsync(fixture.BaseUrl + "/");
        await ig.GotoAsync("/Access/Reviews");
        await ig.AssertAccessibleAsync();
        await ig.GetByRole(AriaRole.Button, new() { Name = "Record review" }).First.ClickAsync();
        Assert.True(await ig.Locator(".govuk-error-summary").IsVisibleAsync());
        await ig.AssertAccessibleAsync();
        await ig.GotoAsync("/Access/Find");
        await ig.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        Assert.True(await ig.Locator(".govuk-error-summary").IsVisibleAsync());
        await ig.AssertAccessibleAsync();
        await ig.GetByLabel("Name", new() { Exact = true }).FillAsync("Crossfield");
        await ig.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await ig.AssertAccessibleAsync();
        await ig.GotoAsync($"/Access/SubjectAccess/{staffsChild}");
        await ig.AssertAccessibleAsync();
    }
}
