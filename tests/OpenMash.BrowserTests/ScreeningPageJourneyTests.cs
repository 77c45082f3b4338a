using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Contacts;
using OpenMash.Web.Security;

namespace OpenMash.BrowserTests;

/// <summary>
/// The screening page on a 320 px phone: axe finds nothing, nothing scrolls the whole page sideways, the MoJ
/// sub-navigation takes the screener to a section, and saving the screening shows a success banner.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ScreeningPageJourneyTests(BrowserFixture fixture)
{
    private async Task<(Guid Id, string Reference)> ContactAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<OpenMashDbContext>();
        var actor = sp.GetRequiredService<CurrentActor>();
        actor.Set(Actor.System("browser-test"));
        var hub = await db.Hubs.Where(h => h.Code == "STAFFS").Select(h => h.Id).SingleAsync();
        actor.Set(Actor.System("browser-test", hub));
        var (contact, errors) = await sp.GetRequiredService<ContactService>().CreateAsync(
            new NewContact
            {
                Channel = ContactChannel.Phone,
                ReferrerName = "Sam Referrer",
                ReferrerPhone = "01234 000999",
                ConcernCategories = [ConcernCategory.Neglect],
                WhatHappened = "Fictional: came to school without a coat all week.",
                FamilyAware = true,
                FamilyConsented = true,
                ReferrerSpokenTo = true,
                ReferralSource = ReferralSource.Schools,
                People = [new NewPerson(SubjectRole.Child, GivenNames: "Poppy", FamilyName: "Narrowscreen", DateOfBirth: new DateOnly(2016, 5, 6))],
            },
            new ContactSource());
        Assert.Empty(errors);
        return (contact!.Id, contact.Reference);
    }

    [Fact]
    public async Task ScreeningPage_At320PxWide_IsAccessibleNavigableAndConfirmsTheSave()
    {
        var (contactId, reference) = await ContactAsync();
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(320, 800);
        await page.SignInAsync("staffs.screener");
        await page.WaitForURLAsync(fixture.BaseUrl + "/");

        await page.GotoAsync($"/Screening/{contactId}");
        await page.AssertAccessibleAsync();
        await page.AssertNoSidewaysScrollAsync();
        Assert.Contains("Poppy Narrowscreen", await page.Locator("[data-testid=summary-children]").InnerTextAsync(), StringComparison.Ordinal);

        var sections = page.GetByRole(AriaRole.Navigation, new() { Name = "Sections of this contact" });
        await sections.GetByRole(AriaRole.Link, new() { Name = "Screening", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("#screening", StringComparison.Ordinal));
        Assert.True(await page.Locator("#screening-title").IsVisibleAsync());

        await page.GetByRole(AriaRole.Radio, new() { Name = "Amber", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "Level 3: child in need (s17)" }).CheckAsync();
        await page.GetByLabel("Why this threshold level").FillAsync("Fictional: neglect indicators over a week.");
        await page.Locator("#ChildSpokenTo").CheckAsync();
        await page.GetByLabel("The child's views, or why they have not been spoken to").FillAsync("Fictional: says she is cold.");
        await page.Locator("#ConsentView").CheckAsync();
        await page.GetByLabel("Why sharing without consent is lawful, or the family's consent position").FillAsync("Fictional: harm is suspected.");
        await page.Locator("#WithoutConsentReason-3").CheckAsync();
        await page.Locator("#LawfulBasis").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save screening" }).ClickAsync();
        await page.WaitForLoadStateAsync();

        var banner = page.Locator("[data-testid=banner]");
        Assert.Equal("alert", await banner.GetAttributeAsync("role"));
        Assert.Contains($"Screening saved for contact {reference}", await banner.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Amber", await page.Locator("[data-testid=summary-rag]").InnerTextAsync(), StringComparison.Ordinal);
        await page.AssertAccessibleAsync();
        await page.AssertNoSidewaysScrollAsync();
    }
}
