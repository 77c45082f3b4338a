using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Checks;
using OpenMash.Web.Features.Contacts;
using OpenMash.Web.Features.Decisions;
using OpenMash.Web.Features.Screening;
using OpenMash.Web.Security;

namespace OpenMash.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class FrontDoorAccessibilityTests(BrowserFixture fixture)
{
    /// <summary>A screened contact with a police check answered and a proposal waiting, all fictional.</summary>
    private async Task<(Guid ContactId, Guid CheckId, Guid DecisionId)> CaseAsync()
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
                ReferrerAgency = "Oakbrook Primary School (demo)",
                ReferrerPhone = "01234 000999",
                ReferrerEmail = "dsl@oakbrook.example.org",
                ConcernCategories = [ConcernCategory.Neglect],
                WhatHappened = "Arrived hungry (fictional).",
                FamilyAware = true,
                FamilyConsented = true,
                ReferrerSpokenTo = true,
                ReferralSource = ReferralSource.Schools,
                People = [new NewPerson(SubjectRole.Child, GivenNames: "Axel", FamilyName: "Accessible", DateOfBirth: new DateOnly(2017, 3, 3)), new NewPerson(SubjectRole.HouseholdMember, GivenNames: "Alex", FamilyName: "Accessible")],
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
            NoChecksNeeded = false,
            LawfulBasis = Article6Basis.PublicTask,
            WithoutConsentReason = OpenMash.Sharing.NotSoughtReason.WouldPrejudiceProtection,
        }));
        var police = await db.Agencies.Where(a => a.Name == "Staffordshire Police").Select(a => a.Id).SingleAsync();
        var checks = sp.GetRequiredService<CheckService>();
        Assert.Empty(await checks.RequestAsync(contact!, [police]));
        var check = await db.Checks.SingleAsync(c => c.ContactId == contact!.Id);
        var policeUser = await db.Users.SingleAsync(u => u.UserName == "staffs.police");
        actor.Set(new Actor(policeUser.Id, policeUser.UserName, policeUser.AgencyId, hub, Roles.AgencyResearcher));
        var asked = await db.CheckPeople.Where(p => p.CheckId == check.Id).OrderBy(p => p.Position).ToListAsync();
        Assert.Empty(await checks.AnswerAsync(check, new CheckAnswerInput
        {
            Summary = "Known (fictional)",
            People = asked.Select((p, i) => i == 0
                ? new CheckPersonAnswerInput { PersonId = p.PersonId, Held = true, DomesticAbuse = p.AsAdult ? false : null, Items = [new CheckItemInput { Text = "An incident (fictional)", Restrictions = OpenMash.Sharing.ItemRestrictions.NotForFamily }] }
                : new CheckPersonAnswerInput { PersonId = p.PersonId, Held = false, DomesticAbuse = p.AsAdult ? false : null }).ToList(),
        }));
        actor.Set(new Actor(screenerUser.Id, screenerUser.UserName, screenerUser.AgencyId, hub, Roles.ScreeningSocialWorker));
        var tracked = await db.Contacts.SingleAsync(c => c.Id == contact!.Id);
        var (decision, proposeErrors) = await sp.GetRequiredService<DecisionService>().ProposeAsync(tracked, new ProposalInput
        {
            Outcome = DecisionOutcome.EarlyHelp,
            Rationale = "Fictional",
            PrimaryNeed = PrimaryNeed.N4,
        });
        Assert.Empty(proposeErrors);
        return (contact!.Id, check.Id, decision!.Id);
    }

    [Fact]
    public async Task FrontDoorPages_AndTheirErrorStates_HaveNoAxeViolations()
    {
        var (contactId, checkId, decisionId) = await CaseAsync();

        var screener = await fixture.NewPageAsync();
        await screener.SignInAsync("staffs.screener");
        await screener.WaitForURLAsync(fixture.BaseUrl + "/");
        foreach (var path in new[] { "/Screening", $"/Screening/{contactId}", $"/Screening/{contactId}/Timeline", $"/Decisions/Strategy/{contactId}", "/Dashboard" })
        {
            await screener.GotoAsync(path);
            await screener.AssertAccessibleAsync();
        }

        await screener.GotoAsync($"/Decisions/Strategy/{contactId}");
        await screener.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        Assert.True(await screener.Locator(".govuk-error-summary").IsVisibleAsync());
        await screener.AssertAccessibleAsync();

        await screener.GotoAsync($"/Decisions/Propose/{contactId}");
        await screener.AssertAccessibleAsync();
        await screener.GetByRole(AriaRole.Button, new() { Name = "Propose decision" }).ClickAsync();
        Assert.True(await screener.Locator(".govuk-error-summary").IsVisibleAsync());
        await screener.AssertAccessibleAsync();

        var police = await fixture.NewPageAsync();
        await police.SignInAsync("staffs.police");
        await police.WaitForURLAsync(fixture.BaseUrl + "/");
        await police.GotoAsync("/Checks");
        await police.AssertAccessibleAsync();
        await police.GotoAsync($"/Checks/{checkId}");
        await police.AssertAccessibleAsync();

        var manager = await fixture.NewPageAsync();
        await manager.SignInAsync("staffs.manager");
        await manager.WaitForURLAsync(fixture.BaseUrl + "/");
        foreach (var path in new[] { "/Decisions", $"/Decisions/{decisionId}", "/Decisions/DipSample" })
        {
            await manager.GotoAsync(path);
            await manager.AssertAccessibleAsync();
        }

        await manager.GotoAsync($"/Decisions/{decisionId}");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Return to the screener" }).ClickAsync();
        Assert.True(await manager.Locator(".govuk-error-summary").IsVisibleAsync());
        await manager.AssertAccessibleAsync();
    }

    [Fact]
    public async Task AnUnansweredCheck_AndItsErrorState_HaveNoAxeViolations()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<OpenMashDbContext>();
        var actor = sp.GetRequiredService<CurrentActor>();
        actor.Set(Actor.System("browser-test"));
        var hub = await db.Hubs.Where(h => h.Code == "STAFFS").Select(h => h.Id).SingleAsync();
        actor.Set(new Actor(null, "browser-test", null, hub, null));
        var (contact, _) = await sp.GetRequiredService<ContactService>().CreateAsync(
            new NewContact
            {
                Channel = ContactChannel.Phone,
                ReferrerName = "Sam Referrer",
                ReferrerPhone = "01234 000999",
                ConcernCategories = [ConcernCategory.Neglect],
                WhatHappened = "Fictional.",
                FamilyAware = true,
                FamilyConsented = true,
                ReferrerSpokenTo = true,
                ReferralSource = ReferralSource.Schools,
                People = [new NewPerson(SubjectRole.Child, GivenNames: "Bea", FamilyName: "Accessible", DateOfBirth: new DateOnly(2018, 3, 3))],
            },
            new ContactSource());
        await sp.GetRequiredService<ScreeningService>().SaveAsync(contact!, new ScreeningInput
        {
            Rag = RagRating.Red,
            Threshold = ThresholdLevel.ChildProtection,
            ThresholdRationale = "Fictional",
            ChildSpokenTo = false,
            ChildViewsOrReason = "Too young (fictional)",
            ConsentView = SafeguardingThreshold.AboveThreshold,
            ConsentRationale = "Fictional",
            NoChecksNeeded = false,
            LawfulBasis = Article6Basis.PublicTask,
            WithoutConsentReason = OpenMash.Sharing.NotSoughtReason.WouldPrejudiceProtection,
        });
        var health = await db.Agencies.Where(a => a.Name == "Demo Community Health NHS Trust").Select(a => a.Id).SingleAsync();
        await sp.GetRequiredService<CheckService>().RequestAsync(contact!, [health]);
        var checkId = await db.Checks.Where(c => c.ContactId == contact!.Id).Select(c => c.Id).SingleAsync();

        var page = await fixture.NewPageAsync();
        await page.SignInAsync("staffs.health");
        await page.WaitForURLAsync(fixture.BaseUrl + "/");
        await page.GotoAsync($"/Checks/{checkId}");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send answer" }).ClickAsync();
        Assert.True(await page.Locator(".govuk-error-summary").IsVisibleAsync());
        await page.AssertAccessibleAsync();
    }
}
