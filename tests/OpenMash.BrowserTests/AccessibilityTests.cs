using Microsoft.Playwright;

namespace OpenMash.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture fixture)
{
    [Fact]
    public async Task SignInPage_HasNoAxeViolations_AndItsErrorStateNeither()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        Assert.Equal("There is a problem", (await page.Locator(".govuk-error-summary__title").TextContentAsync())?.Trim());
        await page.AssertAccessibleAsync();
    }

    [Theory]
    [InlineData("staffs.screener", new[] { "/" })]
    [InlineData("staffs.manager", new[] { "/" })]
    [InlineData("staffs.police", new[] { "/" })]
    [InlineData("staffs.referrer", new[] { "/" })]
    [InlineData("staffs.analyst", new[] { "/" })]
    [InlineData("staffs.ig", new[] { "/", "/Audit" })]
    [InlineData("staffs.admin", new[] { "/", "/Admin", "/Admin/Users", "/Admin/Users/Create", "/Admin/Agencies", "/Admin/Agencies/Create", "/Admin/Settings", "/Admin/Sharing", "/Admin/Sharing/Create", "/Admin/ApiClients", "/Admin/ApiClients/Create", "/Accessibility", "/no-such-page", "/Audit" })]
    public async Task EveryPage_ARoleCanReach_HasNoAxeViolations(string user, string[] paths)
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(user);
        await page.WaitForURLAsync(fixture.BaseUrl + "/");

        foreach (var path in paths)
        {
            await page.GotoAsync(path);
            await page.AssertAccessibleAsync();
        }
    }

    [Fact]
    public async Task FormErrors_AndEditPages_HaveNoAxeViolations()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("stoke.admin");
        await page.GotoAsync("/Admin/Users/Create");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();
        Assert.True(await page.Locator(".govuk-error-summary").IsVisibleAsync());
        await page.AssertAccessibleAsync();

        await page.GotoAsync("/Admin/Users");
        await page.GetByRole(AriaRole.Link, new() { Name = "Change Demo Screener (Stoke-on-Trent)" }).ClickAsync();
        await page.AssertAccessibleAsync();

        await page.GotoAsync("/Admin/Agencies");
        await page.GetByRole(AriaRole.Link, new() { Name = "Change Staffordshire Police" }).ClickAsync();
        await page.AssertAccessibleAsync();

        await page.GotoAsync("/Admin/ApiClients/Create");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register and show the secret" }).ClickAsync();
        Assert.True(await page.Locator(".govuk-error-summary").IsVisibleAsync());
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Name of the system").FillAsync("Stoke police notices (demo)");
        await page.GetByLabel("Staffordshire Police").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Register and show the secret" }).ClickAsync();
        Assert.True(await page.Locator("[data-testid=client-secret]").IsVisibleAsync());
        await page.AssertAccessibleAsync();
        await page.GotoAsync("/Admin/ApiClients");
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task SkipLink_OnTheFirstTab_IsReachedAndMovesFocusToTheContent()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");

        await page.Keyboard.PressAsync("Tab");

        Assert.Equal("Skip to main content", await page.EvaluateAsync<string>("document.activeElement.textContent.trim()"));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main-content", await page.EvaluateAsync<string>("document.activeElement.id"));
    }
}
