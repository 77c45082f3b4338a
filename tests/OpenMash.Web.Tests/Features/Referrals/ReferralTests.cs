using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Features.Contacts;
using OpenMash.Web.Tests.Features.People;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Features.Referrals;

public sealed class ReferralTests(OpenMashFactory factory) : IClassFixture<OpenMashFactory>
{
    private async Task<PageClient> SignInAsync(string user)
    {
        var client = new PageClient(factory.CreateBrowserlessClient());
        await client.SignInAsDemoAsync(user);
        return client;
    }

    private static KeyValuePair<string, string>[] Referral(string givenName) =>
    [
        new("GivenNames", givenName), new("FamilyName", "Portalcase"), new("DateOfBirth.Day", "3"), new("DateOfBirth.Month", "9"), new("DateOfBirth.Year", "2017"),
        new("Sex", "M"), new("Concerns", "EmotionalWellbeing"), new("WhatHappened", "Fictional: withdrawn in class for two weeks."),
        new("FamilyAware", "yes"), new("FamilyConsented", "yes"), new("ReferrerPhone", "01234 000333"),
    ];

    [Fact]
    public async Task SchoolReferrer_SendsAReferralFromThePortal_RecordsTheirAccountAndAgency()
    {
        var referrer = await SignInAsync("staffs.referrer");

        var response = await referrer.PostFormAsync("/Referrals/New", Referral("Theo"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
        var contact = await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().SingleAsync(c => c.Id == id));
        var user = await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "staffs.referrer").Select(u => new { u.Id, u.AgencyId }).SingleAsync());
        Assert.Equal(ContactChannel.Portal, contact.Channel);
        Assert.Equal(ContactState.AwaitingScreening, contact.State);
        Assert.Equal(user.Id, contact.ReferrerUserId);
        Assert.Equal(user.AgencyId, contact.SourceAgencyId);
        Assert.Equal(ReferralSource.Schools, contact.ReferralSource);
        Assert.Equal("Oakbrook Primary School (demo)", contact.ReferrerAgency);
        Assert.Equal("Demo School Safeguarding Lead (Staffordshire)", contact.ReferrerName);
    }

    [Fact]
    public async Task Referral_WithNothingFilledIn_ListsEveryProblemAndStoresNothing()
    {
        var referrer = await SignInAsync("staffs.referrer");
        var before = await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().CountAsync());

        var page = await PageClient.ParseAsync(await referrer.PostFormAsync("/Referrals/New", []));

        Assert.Equal(
            ["#GivenNames", "#FamilyName", "#DateOfBirth", "#Sex", "#Concerns", "#WhatHappened", "#FamilyAware", "#FamilyConsented"],
            page.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")).ToList());
        Assert.Equal(before, await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().CountAsync()));
    }

    [Fact]
    public async Task ReferralsList_ForAReferrer_ShowsOnlyTheirOwnReferrals()
    {
        var referrer = await SignInAsync("stoke.referrer");
        var own = await referrer.PostFormAsync("/Referrals/New", Referral("Oscar"));
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        var staffContact = await TestPeople.AddContactAsync(factory, "STOKE", new ContactSource(), childGivenName: "Notmine");

        var (_, list) = await referrer.GetPageAsync("/Referrals");

        // The demo data already holds one portal referral by this referrer; the list must show exactly their own.
        var rows = list.QuerySelectorAll("[data-testid=referrals] tbody tr").Select(r => r.TextContent).ToList();
        var ownCount = await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().CountAsync(c => c.ReferrerUserId == db.Users.Single(u => u.UserName == "stoke.referrer").Id));
        Assert.Equal(ownCount, rows.Count);
        var oscar = Assert.Single(rows, r => r.Contains("Oscar P", StringComparison.Ordinal));
        Assert.DoesNotContain("Portalcase", oscar, StringComparison.Ordinal);
        Assert.Contains(ReferralQueriesReceived, oscar, StringComparison.Ordinal);
        Assert.DoesNotContain(list.QuerySelector("main")!.TextContent, staffContact.Reference, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Referrer_AskingForSomeoneElsesContact_GetsNotFoundAndARefusedAuditRow()
    {
        var staffContact = await TestPeople.AddContactAsync(factory, "STAFFS", new ContactSource(), childGivenName: "Otherkid");
        var referrer = await SignInAsync("staffs.referrer");

        var (response, page) = await referrer.GetPageAsync($"/Referrals/{staffContact.Id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Otherkid", page.DocumentElement.TextContent, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.ViewReferral && e.Outcome == AuditOutcome.Refused && e.UserName == "staffs.referrer" && e.TargetId == staffContact.Id.ToString())));
    }

    [Fact]
    public async Task Referrer_SeesTheOutcomeOnceDecided_ButNeverTheRationale()
    {
        var referrerId = await TestPeople.UserIdAsync(factory, "staffs.referrer");
        var contact = await TestPeople.AddContactAsync(factory, "STAFFS", new ContactSource(ReferrerUserId: referrerId), childGivenName: "Decidedkid");
        var referrer = await SignInAsync("staffs.referrer");
        var (_, before) = await referrer.GetPageAsync($"/Referrals/{contact.Id}");
        Assert.Equal(ReferralQueriesReceived, before.QuerySelector("[data-testid=referral-status]")?.TextContent);

        var managerId = await TestPeople.UserIdAsync(factory, "staffs.manager");
        await TestPeople.AsHubAsync(factory, "STAFFS", async (_, db) =>
        {
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            db.Decisions.Add(new ContactDecision
            {
                Id = Guid.NewGuid(),
                HubId = db.CurrentHubId!.Value,
                ContactId = contact.Id,
                ProposedByUserId = managerId,
                ProposedAtUtc = now,
                Outcome = DecisionOutcome.EarlyHelp,
                Rationale = "Confidential rationale about police intelligence",
                PrimaryNeed = PrimaryNeed.N4,
                Status = DecisionStatus.Approved,
                DecidedByUserId = managerId,
                DecidedAtUtc = now,
            });
            var stored = await db.Contacts.SingleAsync(c => c.Id == contact.Id);
            db.Entry(stored).Property(c => c.State).CurrentValue = ContactState.Decided; // set up a decided contact without a decision record
            stored.DecidedAtUtc = now;
            return await db.SaveChangesAsync();
        });

        var (_, after) = await referrer.GetPageAsync($"/Referrals/{contact.Id}");
        var (_, list) = await referrer.GetPageAsync("/Referrals");

        Assert.Equal("Early help", after.QuerySelector("[data-testid=referral-status]")?.TextContent);
        Assert.DoesNotContain("Confidential rationale", after.DocumentElement.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Testcase", after.DocumentElement.TextContent, StringComparison.Ordinal);
        Assert.Contains("Early help", list.QuerySelector("[data-testid=referrals]")?.TextContent, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.ViewReferral && e.Outcome == AuditOutcome.Allowed && e.TargetId == contact.Id.ToString() && e.Purpose == "Referral feedback")));
    }

    [Theory]
    [InlineData("staffs.screener")]
    [InlineData("staffs.police")]
    public async Task ReferralPages_ForOtherRoles_AreRefusedAndAudited(string user)
    {
        var client = await SignInAsync(user);

        var response = await client.Http.GetAsync(new Uri("/Referrals/New", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.AccessRefused && e.UserName == user && e.TargetId == "/Referrals/New")));
    }

    private const string ReferralQueriesReceived = OpenMash.Web.Features.Referrals.ReferralQueries.Received;
}
