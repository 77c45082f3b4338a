using Microsoft.Playwright;

namespace OpenMash.BrowserTests;

/// <summary>Allocation in a browser: a manager allocates a contact, the screener finds it in "My work"; the queue fits a 320 px screen.</summary>
[Collection(BrowserCollection.Name)]
public sealed class QueueJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Manager_AllocatesAContact_TheScreenerSeesItInMyWork()
    {
        var manager = await fixture.NewPageAsync();
        await manager.SignInAsync("stoke.manager");
        await manager.WaitForURLAsync(fixture.BaseUrl + "/");
        await manager.GotoAsync("/Screening");
        await manager.AssertAccessibleAsync();
        var row = manager.Locator("[data-testid=queue] tbody tr").Filter(new() { HasText = "Not allocated" }).First;
        var contactId = await row.GetAttributeAsync("data-contact");
        var reference = (await row.Locator("td").First.Locator("a").First.TextContentAsync())!.Trim();

        await manager.GotoAsync($"/Screening/{contactId}/Allocate");
        await manager.AssertAccessibleAsync();
        var screener = await manager.Locator("#WorkerId option").Filter(new() { HasText = "Demo Screener" }).First.GetAttributeAsync("value");
        await manager.Locator("#WorkerId").SelectOptionAsync(screener!);
        await manager.GetByRole(AriaRole.Button, new() { Name = "Allocate", Exact = true }).ClickAsync();
        await manager.WaitForLoadStateAsync();
        Assert.Contains("is allocated to Demo Screener", await manager.Locator("[data-testid=banner]").InnerTextAsync(), StringComparison.Ordinal);
        await manager.AssertAccessibleAsync();

        var worker = await fixture.NewPageAsync();
        await worker.SignInAsync("stoke.screener");
        await worker.WaitForURLAsync(fixture.BaseUrl + "/");
        await worker.GotoAsync("/MyWork");
        await worker.AssertAccessibleAsync();
        Assert.True(await worker.Locator($"[data-testid=queue] tr[data-contact='{contactId}']").IsVisibleAsync(), $"contact {reference} should be in My work");

        await worker.SetViewportSizeAsync(320, 800);
        await worker.GotoAsync("/Screening");
        await worker.AssertNoSidewaysScrollAsync();
    }
}
