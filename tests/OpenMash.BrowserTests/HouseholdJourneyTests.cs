using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Checks;
using OpenMash.Web.Features.Contacts;
using OpenMash.Web.Features.Screening;
using OpenMash.Web.Security;

namespace OpenMash.BrowserTests;

/// <summary>Police answer a household check for a child and the mother's partner, with a domestic abuse answer for the adult; axe on each page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HouseholdJourneyTests(BrowserFixture fixture)
{
    private async Task<Guid> PoliceCheckAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<OpenMashDbContext>();
        var actor = sp.GetRequiredService<CurrentActor>();
        actor.Set(Actor.System("browser-test"));
        var hub = await db.Hubs.Where(h => h.Code == "STAFFS").Select(h => h.Id).SingleAsync();
        var screenerUser = await db.Users.SingleAsync(u => u.UserName == "staffs.screener");
        actor.Set(new Actor(screenerUser.Id, screenerUser.UserName, screenerUser.AgencyId, hub, Roles.ScreeningSocialWorker));
        var (contact, errors) = await sp.GetRequiredService<ContactService>().CreateAsync(
            new NewContact
            {
                Channel = ContactChannel.Phone,
                ReferrerName = "Sam Referrer",
                ReferrerPhone = "01234 000999",
                ConcernCategories = [ConcernCategory.DomesticAbuse],
                WhatHappened = "Shouting heard at the home (fictional).",
                FamilyAware = true,
                FamilyConsented = true,
                ReferrerSpokenTo = true,
                ReferralSource = ReferralSource.Schools,
                People = [new NewPerson(SubjectRole.Child, GivenNames: "Hana", FamilyName: "Householdtest", DateOfBirth: new DateOnly(2018, 5, 5)), new NewPerson(SubjectRole.HouseholdMember, GivenNames: "Rob", FamilyName: "Householdtest", DateOfBirth: new DateOnly(1990, 1, 1))],
            },
            new ContactSource());
        Assert.Empty(errors);
        Assert.Empty(await sp.GetRequiredService<ScreeningService>().SaveAsync(contact!, new ScreeningInput
        {
            Rag = RagRating.Amber,
            Threshold = ThresholdLevel.ChildInNeed,
            ThresholdRationale = "Fictional",
            ChildSpokenTo = true,
            ChildViewsOrReason = "Fictional",
            ConsentView = SafeguardingThreshold.AboveThreshold,
            ConsentRationale = "Fictional",
            LawfulBasis = Article6Basis.PublicTask,
            WithoutConsentReason = OpenMash.Sharing.NotSoughtReason.WouldPrejudiceProtection,
        }));
        var police = await db.Agencies.Where(a => a.Name == "Staffordshire Police").Select(a => a.Id).SingleAsync();
        Assert.Empty(await sp.GetRequiredService<CheckService>().RequestAsync(contact!, [police]));
        return await db.Checks.Where(c => c.ContactId == contact!.Id).Select(c => c.Id).SingleAsync();
    }

    [Fact]
    public async Task PoliceAnswer_ForAHouseholdAdult_RecordsTheDomesticAbuseHistory()
    {
        var checkId = await PoliceCheckAsync();
        var page = await fixture.NewPageAsync();
        await page.SignInAsync("staffs.police");
        await page.WaitForURLAsync(fixture.BaseUrl + "/");

        await page.GotoAsync($"/Checks/{checkId}");
        await page.AssertAccessibleAsync();
        Assert.Equal(1, await page.Locator("[data-testid=domestic-abuse-prompt]").CountAsync());
        await page.Locator("#People_0__Held").CheckAsync();
        await page.Locator("#People_1__Held-2").CheckAsync();
        await page.Locator("#People_1__DomesticAbuse-2").CheckAsync();
        await page.GetByLabel("The domestic abuse history held about Rob Householdtest").FillAsync("Two incidents with a former partner, 2024 (fictional).");
        await page.GetByLabel("Summary", new() { Exact = true }).FillAsync("Domestic abuse history held about the adult (fictional).");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send answer" }).ClickAsync();
        await page.WaitForURLAsync(fixture.BaseUrl + "/Checks");
        await page.GotoAsync($"/Checks/{checkId}");
        await page.AssertAccessibleAsync();

        Assert.Equal("Domestic abuse history held", await page.Locator("[data-testid=domestic-abuse]").TextContentAsync());
        Assert.Contains("Two incidents with a former partner", await page.Locator("[data-kind=domestic-abuse]").TextContentAsync(), StringComparison.Ordinal);
    }
}
