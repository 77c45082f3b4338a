using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Contacts;
using OpenMash.Web.Security;
using ItemRestrictions = OpenMash.Sharing.ItemRestrictions;

namespace OpenMash.BrowserTests;

/// <summary>The pages that show other agencies' answers across a boundary, with content, existence-only and refusals on them.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BoundaryAccessibilityTests(BrowserFixture fixture)
{
    /// <summary>A fictional exploitation contact from the demo school's referrer: police and health answered, a school check waiting.</summary>
    private async Task<(Guid ContactId, Guid SchoolCheckId, Guid PoliceCheckId)> CaseAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<OpenMashDbContext>();
        var actor = sp.GetRequiredService<CurrentActor>();
        actor.Set(Actor.System("browser-test"));
        var hub = await db.Hubs.Where(h => h.Code == "STAFFS").Select(h => h.Id).SingleAsync();
        var referrer = await db.Users.Where(u => u.UserName == "staffs.referrer").Select(u => u.Id).SingleAsync();
        actor.Set(Actor.System("browser-test", hub));
        var (contact, errors) = await sp.GetRequiredService<ContactService>().CreateAsync(
            new NewContact
            {
                Channel = ContactChannel.Phone,
                ReferrerName = "Sam Referrer",
                ReferrerAgency = "Oakbrook Primary School (demo)",
                ReferrerPhone = "01234 000999",
                ConcernCategories = [ConcernCategory.ChildSexualExploitation],
                WhatHappened = "Seen getting into cars after school (fictional).",
                FamilyAware = true,
                FamilyConsented = true,
                ReferrerSpokenTo = true,
                ReferralSource = ReferralSource.Schools,
                People = [new NewPerson(SubjectRole.Child, GivenNames: "Bella", FamilyName: "Boundary", DateOfBirth: new DateOnly(2011, 5, 5))],
            },
            new ContactSource(ReferrerUserId: referrer));
        Assert.Empty(errors);
        var now = DateTime.UtcNow;
        MultiAgencyCheck Check(string agency, bool answered) => new()
        {
            Id = Guid.NewGuid(),
            HubId = hub,
            ContactId = contact!.Id,
            AgencyId = db.Agencies.Where(a => a.Name == agency).Select(a => a.Id).Single(),
            RequestedAtUtc = now,
            DueAtUtc = now.AddDays(1),
            Status = answered ? CheckStatus.Answered : CheckStatus.Requested,
            AnsweredAtUtc = answered ? now : null,
            Known = answered ? true : null,
            Summary = answered ? $"{agency}: fictional answer." : null,
        };
        var police = Check("Staffordshire Police", true);
        police.Items.Add(new CheckItem { Id = Guid.NewGuid(), HubId = hub, CheckId = police.Id, Text = "Vehicle seen (fictional)" });
        police.Items.Add(new CheckItem { Id = Guid.NewGuid(), HubId = hub, CheckId = police.Id, Text = "Source detail (fictional)", Restrictions = ItemRestrictions.NotForReferrer | ItemRestrictions.NoOnwardSharing });
        var school = Check("Oakbrook Primary School (demo)", false);
        db.Checks.AddRange(police, Check("Demo Community Health NHS Trust", true), school);
        await db.SaveChangesAsync();
        return (contact!.Id, school.Id, police.Id);
    }

    [Fact]
    public async Task BoundaryPages_WithContentExistenceAndRefusals_HaveNoAxeViolations()
    {
        var (contactId, _, policeCheckId) = await CaseAsync();

        var police = await fixture.NewPageAsync();
        await police.SignInAsync("staffs.police");
        await police.WaitForURLAsync(fixture.BaseUrl + "/");
        await police.GotoAsync($"/Checks/{policeCheckId}");
        Assert.True(await police.Locator("[data-testid=not-shared]").First.IsVisibleAsync());
        await police.AssertAccessibleAsync();

        var referrer = await fixture.NewPageAsync();
        await referrer.SignInAsync("staffs.referrer");
        await referrer.WaitForURLAsync(fixture.BaseUrl + "/");
        await referrer.GotoAsync($"/Referrals/{contactId}");
        Assert.True(await referrer.Locator("[data-testid=withheld]").IsVisibleAsync());
        await referrer.AssertAccessibleAsync();

        var member = await fixture.NewPageAsync();
        await member.SignInAsync("joint.cetg");
        await member.WaitForURLAsync(fixture.BaseUrl + "/");
        await member.AssertAccessibleAsync();
        await member.GotoAsync("/TaskGroup");
        Assert.True(await member.Locator($"[data-contact='{contactId}']").IsVisibleAsync());
        await member.AssertAccessibleAsync();
    }
}
