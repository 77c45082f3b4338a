using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenMash.Web.Features.Checks;
using OpenMash.Web.Tests.Features.Screening;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Features.Checks;

public sealed class CheckTests(OpenMashFactory factory) : IClassFixture<OpenMashFactory>
{
    private const string Police = "Staffordshire Police";
    private const string Health = "Demo Community Health NHS Trust";

    private async Task<(Guid ContactId, PageClient Screener)> ScreenedContactAsync(string consent = "AboveThreshold", bool familyConsented = true, DateTime? received = null, string rag = "Amber")
    {
        var hub = await FrontDoorData.HubIdAsync(factory);
        var (contactId, _) = await FrontDoorData.ContactAsync(factory, hub, [FrontDoorData.Child("Chloe", "Checkwell")], received, familyConsented);
        var screener = new PageClient(factory.CreateBrowserlessClient());
        await screener.SignInAsDemoAsync("staffs.screener");
        var response = await screener.PostFormAsync($"/Screening/{contactId}", ScreeningTests.ScreeningForm(rag, consent), $"/Screening/{contactId}?handler=Screen");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (contactId, screener);
    }

    private async Task<HttpResponseMessage> RequestAsync(PageClient screener, Guid contactId, params string[] agencies)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var name in agencies)
        {
            fields.Add(new("AgencyIds", (await FrontDoorData.AgencyIdAsync(factory, name)).ToString()));
        }

        return await screener.PostFormAsync($"/Screening/{contactId}", fields, $"/Screening/{contactId}?handler=Checks");
    }

    private Task<Guid> CheckIdAsync(Guid contactId, string agency) =>
        factory.WithDbAsync(db => db.Checks.IgnoreQueryFilters().Where(c => c.ContactId == contactId && c.Agency.Name == agency).Select(c => c.Id).SingleAsync());

    private Task<Contact> ContactAsync(Guid contactId) =>
        factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().SingleAsync(c => c.Id == contactId));

    private static async Task<PageClient> ResearcherAsync(OpenMashFactory factory, string user)
    {
        var client = new PageClient(factory.CreateBrowserlessClient());
        await client.SignInAsDemoAsync(user);
        return client;
    }

    [Fact]
    public async Task BelowThreshold_WithoutFamilyConsent_RefusesToSendChecksWithAClearError()
    {
        var (contactId, screener) = await ScreenedContactAsync("BelowThreshold", familyConsented: false);

        var page = await PageClient.ParseAsync(await RequestAsync(screener, contactId, Police));

        Assert.Contains("Consent is needed before partner checks", page.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Checks.IgnoreQueryFilters().AnyAsync(c => c.ContactId == contactId)));
        Assert.Equal(ContactState.AwaitingScreening, (await ContactAsync(contactId)).State);
    }

    [Fact]
    public async Task BelowThreshold_WithFamilyConsentOnlyReported_SendsChecksOnceTheScreenerConfirmsIt()
    {
        // The referrer's "the family consented" is a claim: it used to send checks by itself (security finding 4).
        var (contactId, screener) = await ScreenedContactAsync("BelowThreshold", familyConsented: true);
        var childId = await factory.WithDbAsync(db => db.ContactSubjects.IgnoreQueryFilters().Where(s => s.ContactId == contactId && s.Role == SubjectRole.Child).Select(s => s.PersonId).SingleAsync());

        Assert.Equal(HttpStatusCode.OK, (await RequestAsync(screener, contactId, Police)).StatusCode);
        Assert.Equal(ContactState.AwaitingScreening, (await ContactAsync(contactId)).State);
        Assert.Equal(HttpStatusCode.Redirect, (await screener.PostFormAsync($"/Consent/Confirm/{contactId}",
        [
            new("PersonIds", childId.ToString()), new("GivenBy", "ParentWithParentalResponsibility"), new("GiverName", "Pat Checkwell"),
            new("Evidence", "Phone call with the mother: agreed to checks (fictional)."),
        ])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await RequestAsync(screener, contactId, Police)).StatusCode);

        Assert.Equal(ContactState.AwaitingPartnerInformation, (await ContactAsync(contactId)).State);
    }

    [Fact]
    public async Task RequestingChecks_CreatesOnePerAgency_DueWhenTheContactsChecksAreDue()
    {
        var (contactId, screener) = await ScreenedContactAsync();
        var (_, form) = await screener.GetPageAsync($"/Screening/{contactId}");
        var offered = form.QuerySelectorAll("input[name=AgencyIds]").Select(i => i.NextElementSibling!.TextContent).ToList();

        Assert.Equal(HttpStatusCode.Redirect, (await RequestAsync(screener, contactId, Police, Health)).StatusCode);

        Assert.DoesNotContain("Staffordshire County Council Children's Social Care", offered);
        Assert.DoesNotContain("Kingsfield Academy (demo)", offered);
        Assert.Contains(Police, offered);
        var contact = await ContactAsync(contactId);
        var checks = await factory.WithDbAsync(db => db.Checks.IgnoreQueryFilters().Where(c => c.ContactId == contactId).ToListAsync());
        Assert.Equal(2, checks.Count);
        Assert.All(checks, c => Assert.Equal(contact.ChecksDueUtc, c.DueAtUtc));
        Assert.Equal(ContactState.AwaitingPartnerInformation, contact.State);
        Assert.NotNull(contact.ChecksRequestedAtUtc);
    }

    [Fact]
    public async Task ChecksList_ForAResearcher_ShowsOnlyTheirOwnAgencysChecks()
    {
        var (contactId, screener) = await ScreenedContactAsync();
        await RequestAsync(screener, contactId, Police, Health);
        var police = await ResearcherAsync(factory, "staffs.police");

        var (_, page) = await police.GetPageAsync("/Checks");

        var ids = page.QuerySelectorAll("[data-testid=checks] tbody tr").Select(r => r.GetAttribute("data-check")).ToList();
        Assert.Contains((await CheckIdAsync(contactId, Police)).ToString(), ids);
        Assert.DoesNotContain((await CheckIdAsync(contactId, Health)).ToString(), ids);
    }

    [Fact]
    public async Task APoliceResearcher_CannotReadTheHealthCheck_AndTheRefusalIsAudited()
    {
        var (contactId, screener) = await ScreenedContactAsync();
        await RequestAsync(screener, contactId, Police, Health);
        var healthCheck = await CheckIdAsync(contactId, Health);
        var health = await ResearcherAsync(factory, "staffs.health");
        await health.PostFormAsync($"/Checks/{healthCheck}", await CheckForms.HeldAboutFirstChildAsync(factory, healthCheck, "Known to health visiting (fictional)", ("Missed immunisations (fictional)", [])));
        var police = await ResearcherAsync(factory, "staffs.police");

        var response = await police.Http.GetAsync(new Uri($"/Checks/{healthCheck}", UriKind.Relative));
        var (_, ownCheck) = await police.GetPageAsync($"/Checks/{await CheckIdAsync(contactId, Police)}");

        Assert.Contains("Chloe Checkwell", ownCheck.QuerySelector("[data-testid=request]")?.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Missed immunisations", ownCheck.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("health visiting", ownCheck.Body!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Missed immunisations", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.TargetId == healthCheck.ToString() && a.UserName == "staffs.police" && a.Outcome == AuditOutcome.Refused)));
    }

    [Fact]
    public async Task CheckPage_ForAResearcherOfAnotherHub_Is404()
    {
        var (contactId, screener) = await ScreenedContactAsync();
        await RequestAsync(screener, contactId, Police);
        var stokePolice = await ResearcherAsync(factory, "stoke.police");

        var response = await stokePolice.Http.GetAsync(new Uri($"/Checks/{await CheckIdAsync(contactId, Police)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AnswerChecks_WhenEveryCheckIsAnswered_TheContactAwaitsADecision()
    {
        var (contactId, screener) = await ScreenedContactAsync();
        await RequestAsync(screener, contactId, Police, Health);
        var police = await ResearcherAsync(factory, "staffs.police");
        var health = await ResearcherAsync(factory, "staffs.health");

        var policeCheck = await CheckIdAsync(contactId, Police);
        await police.PostFormAsync($"/Checks/{policeCheck}", await CheckForms.NothingHeldAsync(factory, policeCheck, "No trace (fictional)"));
        var afterOne = await ContactAsync(contactId);
        var healthCheck = await CheckIdAsync(contactId, Health);
        await health.PostFormAsync($"/Checks/{healthCheck}", await CheckForms.HeldAboutFirstChildAsync(factory, healthCheck, "Known (fictional)", ("Health visitor involved (fictional)", [])));
        var afterAll = await ContactAsync(contactId);

        Assert.Equal(ContactState.AwaitingPartnerInformation, afterOne.State);
        Assert.Null(afterOne.ChecksCompletedAtUtc);
        Assert.Equal(ContactState.AwaitingDecision, afterAll.State);
        Assert.NotNull(afterAll.ChecksCompletedAtUtc);
        var healthUser = await FrontDoorData.UserIdAsync(factory, "staffs.health");
        Assert.True(await factory.WithDbAsync(db => db.Checks.IgnoreQueryFilters().AnyAsync(c => c.ContactId == contactId && c.AnsweredByUserId == healthUser && c.AnsweredAtUtc != null && c.Status == CheckStatus.Answered)));
    }

    [Fact]
    public async Task AnsweringWithNothingFilledIn_ListsEveryProblem_AndStoresNothing()
    {
        var (contactId, screener) = await ScreenedContactAsync();
        await RequestAsync(screener, contactId, Police);
        var checkId = await CheckIdAsync(contactId, Police);
        var police = await ResearcherAsync(factory, "staffs.police");

        var page = await PageClient.ParseAsync(await police.PostFormAsync($"/Checks/{checkId}", []));

        // Per person now: the one child must be answered for (nothing held, or what is held); the summary is needed only when something is held.
        Assert.Equal(["#People_0__Held"], page.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")).ToList());
        Assert.Equal(CheckStatus.Requested, await factory.WithDbAsync(db => db.Checks.IgnoreQueryFilters().Where(c => c.Id == checkId).Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task TheScreeningPage_ShowsEachAnswerAttributed_AndWithholdsItemsForTheSupplyingAgencyOnly()
    {
        var (contactId, screener) = await ScreenedContactAsync();
        await RequestAsync(screener, contactId, Police, Health);
        var police = await ResearcherAsync(factory, "staffs.police");
        var policeCheck = await CheckIdAsync(contactId, Police);
        await police.PostFormAsync($"/Checks/{policeCheck}", await CheckForms.HeldAboutFirstChildAsync(factory, policeCheck, "Domestic incident attended (fictional)",
            ("Incident at the home in March (fictional)", []),
            ("Ongoing covert enquiry (fictional)", ["SupplyingAgencyOnly"]),
            ("Intelligence for social workers (fictional)", ["MashSocialWorkersOnly", "NotForFamily"])));

        var (_, page) = await screener.GetPageAsync($"/Screening/{contactId}");

        var answer = page.QuerySelector($"[data-testid=answer][data-agency='{Police}']")!;
        Assert.Contains("Answered by Demo Police Researcher (Staffordshire)", answer.TextContent, StringComparison.Ordinal);
        Assert.Contains("Incident at the home in March", answer.TextContent, StringComparison.Ordinal);
        Assert.Contains("Intelligence for social workers", answer.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("covert enquiry", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"1 item withheld by {Police}", answer.QuerySelector("[data-testid=withheld]")?.TextContent);
        var healthSection = page.QuerySelector($"[data-testid=answer][data-agency='{Health}']")!;
        Assert.DoesNotContain("Incident at the home", healthSection.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheChaser_QueuesAChaseForAnOverdueCheck_OnceAnHour()
    {
        // Whole seconds: PostgreSQL keeps microseconds only.
        var clock = factory.Clock.GetUtcNow().UtcDateTime;
        var (contactId, screener) = await ScreenedContactAsync(received: clock.AddDays(-7), rag: "Red");
        await RequestAsync(screener, contactId, Police);
        var checkId = await CheckIdAsync(contactId, Police);
        // A check is due the hub's response time after it was requested (not when the contact was received).
        var due = await factory.WithDbAsync(db => db.Checks.IgnoreQueryFilters().Where(c => c.Id == checkId).Select(c => c.DueAtUtc).SingleAsync());
        var afterDue = due.AddMinutes(1);
        var now = new DateTime(afterDue.Ticks - (afterDue.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
        var chaser = factory.Services.GetRequiredService<CheckChaser>();

        await chaser.ChaseOverdueAsync(now);
        await chaser.ChaseOverdueAsync(now.AddMinutes(30));
        var afterHalfAnHour = await factory.WithDbAsync(db => db.Checks.IgnoreQueryFilters().SingleAsync(c => c.Id == checkId));
        var chasesSoFar = await factory.WithDbAsync(db => db.Outbox.IgnoreQueryFilters().CountAsync(o => o.ContactId == contactId && o.Kind == CheckChaser.Kind));
        await chaser.ChaseOverdueAsync(now.AddMinutes(61));
        var afterAnHour = await factory.WithDbAsync(db => db.Checks.IgnoreQueryFilters().SingleAsync(c => c.Id == checkId));

        Assert.Equal(1, afterHalfAnHour.ChaseCount);
        Assert.Equal(1, chasesSoFar);
        Assert.Equal(2, afterAnHour.ChaseCount);
        Assert.Equal(now.AddMinutes(61), afterAnHour.LastChasedAtUtc);
        var message = await factory.WithDbAsync(db => db.Outbox.IgnoreQueryFilters().FirstAsync(o => o.ContactId == contactId && o.Kind == CheckChaser.Kind));
        // To the agency's e-mail address (no longer its name), with the reference and a link, never the child.
        var policeAddress = await factory.WithDbAsync(db => db.Agencies.Where(a => a.Name == Police).Select(a => a.EmailAddress).SingleAsync());
        Assert.NotNull(policeAddress);
        Assert.Equal(policeAddress, message.ToAddress);
        Assert.Equal($"/Checks/{checkId}", message.LinkPath);
        Assert.Equal(checkId, message.RecordId);
        Assert.DoesNotContain("Checkwell", message.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chaser_ForAnAgencyWithoutAnAddress_QueuesNothingAndThePageSaysSo()
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var (contactId, screener) = await ScreenedContactAsync(received: now.AddDays(-7), rag: "Red");
        await factory.WithDbAsync(db => db.Agencies.Where(a => a.Name == Police).ExecuteUpdateAsync(s => s.SetProperty(a => a.EmailAddress, (string?)null)));
        try
        {
            await RequestAsync(screener, contactId, Police);
            var checkId = await CheckIdAsync(contactId, Police);
            // Overdue by a day (a check is due the hub's response time after it was requested).
            await factory.WithDbAsync(db => db.Checks.IgnoreQueryFilters().Where(c => c.Id == checkId).ExecuteUpdateAsync(s => s.SetProperty(c => c.DueAtUtc, now.AddDays(-1))));

            await factory.Services.GetRequiredService<CheckChaser>().ChaseOverdueAsync(now);

            Assert.Equal(0, await factory.WithDbAsync(db => db.Outbox.IgnoreQueryFilters().CountAsync(o => o.ContactId == contactId && o.Kind == CheckChaser.Kind)));
            Assert.Equal(0, await factory.WithDbAsync(db => db.Checks.IgnoreQueryFilters().Where(c => c.Id == checkId).Select(c => c.ChaseCount).SingleAsync()));
            var (_, page) = await screener.GetPageAsync($"/Screening/{contactId}");
            var answer = page.QuerySelector($"[data-testid=answer][data-agency='{Police}']")!;
            Assert.Contains("has no e-mail address", answer.QuerySelector("[data-testid=chases]")?.TextContent, StringComparison.Ordinal);
        }
        finally
        {
            await factory.WithDbAsync(db => db.Agencies.Where(a => a.Name == Police).ExecuteUpdateAsync(s => s.SetProperty(a => a.EmailAddress, "checks.staffordshire.police@demo.openmash.example")));
        }
    }

    [Fact]
    public async Task Chaser_ForChecksOfDecidedContacts_LeavesThemAlone()
    {
        var (contactId, screener) = await ScreenedContactAsync(received: factory.Clock.GetUtcNow().UtcDateTime.AddDays(-7), rag: "Red");
        await RequestAsync(screener, contactId, Police);
        await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().Where(c => c.Id == contactId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.State, ContactState.Decided)));

        await factory.Services.GetRequiredService<CheckChaser>().ChaseOverdueAsync(factory.Clock.GetUtcNow().UtcDateTime.AddDays(1));

        Assert.Equal(0, await factory.WithDbAsync(db => db.Checks.IgnoreQueryFilters().Where(c => c.ContactId == contactId).Select(c => c.ChaseCount).SingleAsync()));
    }

    [Fact]
    public async Task Chaser_ForChecksNotYetDue_LeavesThemAlone()
    {
        var (contactId, screener) = await ScreenedContactAsync(rag: "Green");
        await RequestAsync(screener, contactId, Police);
        var checkId = await CheckIdAsync(contactId, Police);
        var due = await factory.WithDbAsync(db => db.Checks.IgnoreQueryFilters().Where(c => c.Id == checkId).Select(c => c.DueAtUtc).SingleAsync());

        await factory.Services.GetRequiredService<CheckChaser>().ChaseOverdueAsync(due.AddMinutes(-1));

        Assert.Equal(0, await factory.WithDbAsync(db => db.Checks.IgnoreQueryFilters().Where(c => c.ContactId == contactId).Select(c => c.ChaseCount).SingleAsync()));
    }

    [Fact]
    public async Task ChecksList_WithAnOverdueCheck_ListsItFirstWithTheChildAndTimeLeft()
    {
        var (lateContact, screener) = await ScreenedContactAsync(received: factory.Clock.GetUtcNow().UtcDateTime.AddDays(-10));
        await RequestAsync(screener, lateContact, Police);
        var (freshContact, _) = await ScreenedContactAsync();
        await RequestAsync(screener, freshContact, Police);
        var police = await ResearcherAsync(factory, "staffs.police");
        var late = (await CheckIdAsync(lateContact, Police)).ToString();
        var fresh = (await CheckIdAsync(freshContact, Police)).ToString();
        // A check is due a hub-set time after it is requested: make this one's time already past.
        var pastDue = factory.Clock.GetUtcNow().UtcDateTime.AddHours(-2);
        await factory.WithDbAsync(db => db.Checks.IgnoreQueryFilters().Where(c => c.Id == Guid.Parse(late)).ExecuteUpdateAsync(u => u.SetProperty(c => c.DueAtUtc, pastDue)));

        var (_, page) = await police.GetPageAsync("/Checks");
        var (_, overdueOnly) = await police.GetPageAsync("/Checks?overdue=true");
        var (_, answered) = await police.GetPageAsync("/Checks?state=answered");
        var (bad, badPage) = await police.GetPageAsync("/Checks?state=lost");

        var rows = page.QuerySelectorAll("[data-testid=checks] tbody tr").ToList();
        var ids = rows.Select(r => r.GetAttribute("data-check")).ToList();
        Assert.True(ids.IndexOf(late) < ids.IndexOf(fresh), "the check due first must come first");
        var lateRow = rows.Single(r => r.GetAttribute("data-check") == late);
        Assert.Contains("overdue by", lateRow.QuerySelector("[data-testid=overdue]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"Chloe Checkwell, {FrontDoorData.ChildsAge(factory.Clock.GetUtcNow().UtcDateTime)} years old", lateRow.QuerySelector("[data-testid=children]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("left", rows.Single(r => r.GetAttribute("data-check") == fresh).QuerySelector("[data-testid=time-left]")!.TextContent, StringComparison.Ordinal);
        var overdueIds = overdueOnly.QuerySelectorAll("[data-testid=checks] tbody tr").Select(r => r.GetAttribute("data-check")).ToList();
        Assert.Contains(late, overdueIds);
        Assert.DoesNotContain(fresh, overdueIds);
        Assert.DoesNotContain(late, answered.QuerySelectorAll("[data-testid=checks] tbody tr").Select(r => r.GetAttribute("data-check")));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Equal(["#state"], badPage.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")).ToList());
    }
}
