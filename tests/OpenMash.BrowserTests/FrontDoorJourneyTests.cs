using Microsoft.Playwright;

namespace OpenMash.BrowserTests;

/// <summary>The front-door journeys walked in a browser, with axe on every page and every error state on the way.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FrontDoorJourneyTests(BrowserFixture fixture)
{
    private static Task FillAsync(IPage page, string name, string value) => page.Locator($"[name='{name}']").FillAsync(value);

    private static async Task ContinueAsync(IPage page, string button = "Continue")
    {
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    [Fact]
    public async Task Screener_RecordsAContactThroughEveryStep_HasNoAxeViolations()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("stoke.screener");
        await page.WaitForURLAsync(fixture.BaseUrl + "/");

        await page.GotoAsync("/People");
        await page.AssertAccessibleAsync();
        await FillAsync(page, "NhsNumber", "123");
        await ContinueAsync(page, "Search");
        Assert.True(await page.Locator(".govuk-error-summary").IsVisibleAsync());
        await page.AssertAccessibleAsync();

        await page.GotoAsync("/Contacts/New");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start now" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.Locator("#Channel").CheckAsync();
        await ContinueAsync(page);

        await ContinueAsync(page);
        Assert.True(await page.Locator(".govuk-error-summary").IsVisibleAsync());
        await page.AssertAccessibleAsync();
        await FillAsync(page, "ReferrerName", "Sam Browser");
        await FillAsync(page, "ReferrerPhone", "01234 000444");
        await page.Locator("#ReferralSource").SelectOptionAsync("Schools");
        await ContinueAsync(page);

        await ContinueAsync(page, "Save child");
        Assert.True(await page.Locator(".govuk-error-summary").IsVisibleAsync());
        await page.AssertAccessibleAsync();
        await FillAsync(page, "GivenNames", "Lily");
        await FillAsync(page, "FamilyName", "Browsercase");
        await FillAsync(page, "DateOfBirth.Day", "5");
        await FillAsync(page, "DateOfBirth.Month", "5");
        await FillAsync(page, "DateOfBirth.Year", "2018");
        await page.Locator("#Sex-2").CheckAsync();
        await ContinueAsync(page, "Save child");
        await page.AssertAccessibleAsync();
        await ContinueAsync(page);

        await page.AssertAccessibleAsync();
        await ContinueAsync(page);

        await page.AssertAccessibleAsync();
        await page.Locator("#Concerns-4").CheckAsync();
        await ContinueAsync(page);

        await page.AssertAccessibleAsync();
        await FillAsync(page, "WhatHappened", "Fictional: bruise on the arm, explained differently twice.");
        await ContinueAsync(page);

        await ContinueAsync(page);
        Assert.True(await page.Locator(".govuk-error-summary").IsVisibleAsync());
        await page.AssertAccessibleAsync();
        await page.Locator("#FamilyAware").CheckAsync();
        await page.Locator("#FamilyConsented").CheckAsync();
        await page.Locator("#ReferrerSpokenTo").CheckAsync();
        await ContinueAsync(page);

        await page.AssertAccessibleAsync();
        await ContinueAsync(page, "Upload file");
        Assert.True(await page.Locator(".govuk-error-summary").IsVisibleAsync());
        await page.AssertAccessibleAsync();
        await ContinueAsync(page);

        Assert.EndsWith("/Contacts/New/check", page.Url, StringComparison.Ordinal);
        await page.AssertAccessibleAsync();
        await ContinueAsync(page, "Record the contact");

        Assert.Contains("STOKE-", await page.Locator("[data-testid=contact-reference]").TextContentAsync(), StringComparison.Ordinal);
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "View the contact" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Lily Browsercase" }).ClickAsync();
        Assert.True(await page.Locator("[data-testid=contact-timeline]").IsVisibleAsync());
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Referrer_SendsAReferralAndSeesIt_HasNoAxeViolations()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("stoke.referrer");
        await page.WaitForURLAsync(fixture.BaseUrl + "/");

        await page.GotoAsync("/Referrals");
        await page.AssertAccessibleAsync();
        await page.GotoAsync("/Referrals/New");
        await page.AssertAccessibleAsync();
        await ContinueAsync(page, "Send referral");
        Assert.True(await page.Locator(".govuk-error-summary").IsVisibleAsync());
        await page.AssertAccessibleAsync();

        await FillAsync(page, "GivenNames", "Noah");
        await FillAsync(page, "FamilyName", "Browserref");
        await FillAsync(page, "DateOfBirth.Day", "1");
        await FillAsync(page, "DateOfBirth.Month", "2");
        await FillAsync(page, "DateOfBirth.Year", "2014");
        await page.Locator("#Sex").CheckAsync();
        await page.Locator("#Concerns").CheckAsync();
        await FillAsync(page, "WhatHappened", "Fictional: disclosed being hit at home.");
        await page.Locator("#FamilyAware-2").CheckAsync();
        await page.Locator("#FamilyConsented-2").CheckAsync();
        await FillAsync(page, "NoConsentReason", "Telling the family could put the child at risk.");
        await ContinueAsync(page, "Send referral");

        Assert.Equal("Received / being considered", (await page.Locator("[data-testid=referral-status]").TextContentAsync())?.Trim());
        await page.AssertAccessibleAsync();
        await page.GotoAsync("/Referrals");
        Assert.Contains("Noah B", await page.Locator("[data-testid=referrals]").TextContentAsync(), StringComparison.Ordinal);
        await page.AssertAccessibleAsync();
    }
}
