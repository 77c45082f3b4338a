using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Contacts;
using OpenMash.Web.Security;

namespace OpenMash.BrowserTests;

/// <summary>A screener amends a recorded contact with a reason (the error state first) and sees it on the timeline; axe on each page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AmendmentJourneyTests(BrowserFixture fixture)
{
    private async Task<Guid> ContactAsync()
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
                WhatHappened = "Fictional: no coat in the snow all week.",
                FamilyAware = true,
                FamilyConsented = true,
                ReferrerSpokenTo = true,
                ReferralSource = ReferralSource.Schools,
                People = [new NewPerson(SubjectRole.Child, GivenNames: "Ivy", FamilyName: "Amendjourney", DateOfBirth: new DateOnly(2017, 2, 3))],
            },
            new ContactSource());
        Assert.Empty(errors);
        return contact!.Id;
    }

    [Fact]
    public async Task Screener_AmendsAContactWithAReason_SeesItOnTheTimelineWithNoAxeViolations()
    {
        var contactId = await ContactAsync();
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("staffs.screener");
        await page.WaitForURLAsync(fixture.BaseUrl + "/");

        await page.GotoAsync($"/Contacts/{contactId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Amend the recorded details" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByLabel("What happened", new() { Exact = true }).FillAsync("Fictional: no coat in the snow on Monday and Tuesday.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the amendment" }).ClickAsync();
        Assert.True(await page.Locator(".govuk-error-summary").IsVisibleAsync());
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Why are these details being amended?").FillAsync("Fictional: the referrer rang back to correct the days.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the amendment" }).ClickAsync();
        Assert.Contains("amended", await page.Locator("[data-testid=banner]").InnerTextAsync(), StringComparison.Ordinal);
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Timeline" }).ClickAsync();
        var amended = page.Locator(".moj-timeline__item", new() { HasText = "Contact amended" });
        Assert.Contains("the referrer rang back to correct the days", await amended.TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("changed to Fictional: no coat in the snow on Monday and Tuesday.", await amended.TextContentAsync(), StringComparison.Ordinal);
        await page.AssertAccessibleAsync();
    }
}
