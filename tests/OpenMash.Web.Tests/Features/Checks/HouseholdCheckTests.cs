using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenMash.Web.Features.Checks;
using OpenMash.Web.Tests.Features.Screening;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Features.Checks;

/// <summary>
/// A check covers the household: every child and every adult named in the contact, each answered for, each adult asked
/// about domestic abuse history (issue 12, item 4); the answering agency corrects a sent answer with a reason until
/// the decision (item 6).
/// </summary>
public sealed class HouseholdCheckTests(OpenMashFactory factory) : IClassFixture<OpenMashFactory>
{
    private const string Police = "Staffordshire Police";
    private const string Health = "Demo Community Health NHS Trust";

    private sealed record Household(Guid ContactId, Guid ChildId, Guid AdultId, PageClient Screener);

    /// <summary>A screened contact about Chloe, naming her mother's partner Dean in the household.</summary>
    private async Task<Household> HouseholdAsync(string family)
    {
        var hub = await FrontDoorData.HubIdAsync(factory);
        var adult = new NewPerson(SubjectRole.HouseholdMember, GivenNames: "Dean", FamilyName: family, DateOfBirth: new DateOnly(1991, 6, 2), Sex: Sex.M);
        var (contactId, ids) = await FrontDoorData.ContactAsync(factory, hub, [FrontDoorData.Child("Chloe", family), adult]);
        var screener = new PageClient(factory.CreateBrowserlessClient());
        await screener.SignInAsDemoAsync("staffs.screener");
        Assert.Equal(HttpStatusCode.Redirect, (await screener.PostFormAsync($"/Screening/{contactId}", ScreeningTests.ScreeningForm("Amber", "AboveThreshold"), $"/Screening/{contactId}?handler=Screen")).StatusCode);
        var roles = await factory.WithDbAsync(db => db.ContactSubjects.IgnoreQueryFilters().Where(s => s.ContactId == contactId).ToDictionaryAsync(s => s.Role, s => s.PersonId));
        return new Household(contactId, roles[SubjectRole.Child], roles[SubjectRole.HouseholdMember], screener);
    }

    private async Task RequestAsync(Household h, params string[] agencies)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var name in agencies)
        {
            fields.Add(new("AgencyIds", (await FrontDoorData.AgencyIdAsync(factory, name)).ToString()));
        }

        Assert.Equal(HttpStatusCode.Redirect, (await h.Screener.PostFormAsync($"/Screening/{h.ContactId}", fields, $"/Screening/{h.ContactId}?handler=Checks")).StatusCode);
    }

    private Task<Guid> CheckIdAsync(Guid contactId, string agency) =>
        factory.WithDbAsync(db => db.Checks.IgnoreQueryFilters().Where(c => c.ContactId == contactId && c.Agency.Name == agency).Select(c => c.Id).SingleAsync());

    private async Task<PageClient> SignInAsync(string user)
    {
        var client = new PageClient(factory.CreateBrowserlessClient());
        await client.SignInAsDemoAsync(user);
        return client;
    }

    /// <summary>Nothing held about the child; domestic abuse history held about the adult (restricted as given).</summary>
    private static List<KeyValuePair<string, string>> ChildNothingAdultDomesticAbuse(Household h, string history, params string[] restrictions) =>
    [
        new("People[0].PersonId", h.ChildId.ToString()), new("People[0].Held", "false"),
        new("People[1].PersonId", h.AdultId.ToString()), new("People[1].Held", "true"), new("People[1].DomesticAbuse", "true"),
        new("People[1].DomesticAbuseText", history),
        .. restrictions.Select(r => new KeyValuePair<string, string>("People[1].DomesticAbuseRestrictions", r)),
        new("Summary", "Domestic abuse history held about the mother's partner (fictional)."),
    ];

    [Fact]
    public async Task PoliceCheck_ForAChildAndTheMothersPartner_ListsBothAndTakesAnAnswerForEach()
    {
        var h = await HouseholdAsync("Hobwell");
        var child = await factory.WithDbAsync(db => db.Persons.IgnoreQueryFilters().SingleAsync(p => p.Id == h.ChildId));
        Assert.Equal(HttpStatusCode.Redirect, (await h.Screener.PostFormAsync($"/Screening/{h.ContactId}/Household",
            [new("ChildId", h.ChildId.ToString()), new("PersonId", h.AdultId.ToString()), new("Relationship", "PartnerOfParent")],
            $"/Screening/{h.ContactId}/Household?handler=Relationship")).StatusCode);
        await RequestAsync(h, Police);
        var checkId = await CheckIdAsync(h.ContactId, Police);
        var police = await SignInAsync("staffs.police");

        var (_, page) = await police.GetPageAsync($"/Checks/{checkId}");
        var response = await police.PostFormAsync($"/Checks/{checkId}", ChildNothingAdultDomesticAbuse(h, "Two call-outs to a previous partner's address, 2024 (fictional)."));

        var asked = page.QuerySelectorAll("[data-testid=asked-about]").ToList();
        Assert.Equal([h.ChildId.ToString(), h.AdultId.ToString()], asked.Select(a => a.GetAttribute("data-person")).ToList());
        Assert.Contains("Chloe Hobwell", asked[0].TextContent, StringComparison.Ordinal);
        Assert.Null(asked[0].QuerySelector("[data-testid=domestic-abuse-tag]"));
        Assert.Contains($"partner of the parent of {child.FullName}", asked[1].TextContent, StringComparison.Ordinal);
        Assert.NotNull(asked[1].QuerySelector("[data-testid=domestic-abuse-tag]"));
        Assert.Single(page.QuerySelectorAll("[data-testid=domestic-abuse-prompt]"));
        Assert.NotNull(page.QuerySelector("[name='People[1].DomesticAbuse']"));
        Assert.Null(page.QuerySelector("[name='People[0].DomesticAbuse']"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var people = await CheckForms.PeopleAsync(factory, checkId);
        Assert.Equal([(false, (bool?)null), (true, true)], people.Select(p => (p.Held!.Value, p.DomesticAbuseHeld)).ToList());
        var item = await factory.WithDbAsync(db => db.CheckItems.IgnoreQueryFilters().SingleAsync(i => i.CheckId == checkId));
        Assert.Equal((h.AdultId, CheckItemKind.DomesticAbuseHistory), (item.PersonId!.Value, item.Kind));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.ChangeHouseholdRelationship && a.TargetId == h.ContactId.ToString())));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.AnswerCheck && a.TargetId == checkId.ToString())));
    }

    [Fact]
    public async Task Answer_WithoutCoveringEveryPerson_IsRefusedWithAnError()
    {
        var h = await HouseholdAsync("Skipwell");
        await RequestAsync(h, Police);
        var checkId = await CheckIdAsync(h.ContactId, Police);
        var police = await SignInAsync("staffs.police");

        var page = await PageClient.ParseAsync(await police.PostFormAsync($"/Checks/{checkId}",
            [new("People[0].PersonId", h.ChildId.ToString()), new("People[0].Held", "false")]));

        var links = page.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#People_1__Held", "#People_1__DomesticAbuse"], links);
        Assert.Contains("Dean Skipwell", page.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(CheckStatus.Requested, await factory.WithDbAsync(db => db.Checks.IgnoreQueryFilters().Where(c => c.Id == checkId).Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task ScreeningPage_AfterAHouseholdAnswer_ShowsTheAnswerPerPerson()
    {
        var h = await HouseholdAsync("Perperson");
        await RequestAsync(h, Police);
        var checkId = await CheckIdAsync(h.ContactId, Police);
        await (await SignInAsync("staffs.police")).PostFormAsync($"/Checks/{checkId}", ChildNothingAdultDomesticAbuse(h, "A non-molestation order in force (fictional)."));

        var (_, page) = await h.Screener.GetPageAsync($"/Screening/{h.ContactId}");

        var answer = page.QuerySelector($"[data-testid=answer][data-agency='{Police}']")!;
        var child = answer.QuerySelector($"[data-testid=person][data-person='{h.ChildId}']")!;
        var adult = answer.QuerySelector($"[data-testid=person][data-person='{h.AdultId}']")!;
        Assert.Equal("Nothing held", child.QuerySelector("[data-testid=held]")?.TextContent);
        Assert.Equal("Domestic abuse history held", adult.QuerySelector("[data-testid=domestic-abuse]")?.TextContent);
        Assert.Contains("A non-molestation order in force", adult.QuerySelector("[data-kind=domestic-abuse]")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RestrictedItemAboutTheAdult_ForARoleTheRestrictionRefuses_IsNotShownWhileTheChildsIs()
    {
        var h = await HouseholdAsync("Restrictly");
        await RequestAsync(h, Police, Health);
        var policeCheck = await CheckIdAsync(h.ContactId, Police);
        await (await SignInAsync("staffs.police")).PostFormAsync($"/Checks/{policeCheck}",
        [
            new("People[0].PersonId", h.ChildId.ToString()), new("People[0].Held", "true"), new("People[0].Items[0].Text", "Child seen at a domestic incident (fictional)."),
            new("People[1].PersonId", h.AdultId.ToString()), new("People[1].Held", "true"), new("People[1].DomesticAbuse", "true"),
            new("People[1].DomesticAbuseText", "Perpetrator in three incidents, MARAC 2025 (fictional)."), new("People[1].DomesticAbuseRestrictions", "MashSocialWorkersOnly"),
            new("Summary", "Known (fictional)."),
        ]);
        var healthCheck = await CheckIdAsync(h.ContactId, Health);

        var (_, healthPage) = await (await SignInAsync("staffs.health")).GetPageAsync($"/Checks/{healthCheck}");
        var (_, screenerPage) = await h.Screener.GetPageAsync($"/Screening/{h.ContactId}");
        var served = await FrontDoorData.AsUserAsync(factory, "staffs.health", sp => sp.GetRequiredService<CheckService>().AnswersForAsync(h.ContactId));

        var partner = healthPage.QuerySelector($"[data-testid=partner-answer][data-agency='{Police}']")!;
        Assert.Contains("Child seen at a domestic incident", partner.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("MARAC", healthPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(PartnerAnswersView.WithheldText(1), partner.QuerySelector($"[data-person='{h.AdultId}'] [data-testid=person-withheld]")?.TextContent);
        // The server never hands the page the restricted item: the answer it builds for health carries only the child's.
        var police = served.Single(a => a.Check.Id == policeCheck);
        Assert.Empty(police.People.Single(p => p.PersonId == h.AdultId).Items);
        Assert.Single(police.People.Single(p => p.PersonId == h.ChildId).Items);
        Assert.DoesNotContain(police.Items, i => i.Text.Contains("MARAC", StringComparison.Ordinal));
        // The gate is asked for each person: one sharing decision audited per person of the police answer.
        var decisions = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditActions.SharingDecision && a.TargetId == policeCheck.ToString()).Select(a => a.Subjects).ToListAsync());
        Assert.Contains(decisions, s => s == h.AdultId.ToString());
        Assert.Contains(decisions, s => s == h.ChildId.ToString());
        Assert.Contains("MARAC", screenerPage.QuerySelector($"[data-testid=answer][data-agency='{Police}']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Correct_WithAReason_ShowsWhoWhenWhyAndKeepsTheOriginal()
    {
        var h = await HouseholdAsync("Correctly");
        await RequestAsync(h, Police);
        var checkId = await CheckIdAsync(h.ContactId, Police);
        var police = await SignInAsync("staffs.police");
        await police.PostFormAsync($"/Checks/{checkId}", await CheckForms.NothingHeldAsync(factory, checkId));

        var response = await police.PostFormAsync($"/Checks/{checkId}/Correct",
            [new("Reason", "A record under the partner's previous surname was found (fictional)."), .. ChildNothingAdultDomesticAbuse(h, "Cautioned for assault on a former partner, 2023 (fictional).")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, checkPage) = await police.GetPageAsync($"/Checks/{checkId}");
        var correction = checkPage.QuerySelector("[data-testid=correction]")!;
        Assert.Contains("Corrected by Demo Police Researcher (Staffordshire)", correction.TextContent, StringComparison.Ordinal);
        Assert.Contains("previous surname", correction.TextContent, StringComparison.Ordinal);
        Assert.Contains("Dean Correctly: nothing held, no domestic abuse history held", correction.QuerySelector("[data-testid=before-correction]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Answer corrected for contact", checkPage.QuerySelector("[data-testid=banner]")?.TextContent, StringComparison.Ordinal);
        var (_, screening) = await h.Screener.GetPageAsync($"/Screening/{h.ContactId}");
        Assert.Contains("previous surname", screening.QuerySelector($"[data-testid=answer][data-agency='{Police}'] [data-testid=correction]")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Cautioned for assault", screening.QuerySelector($"[data-testid=answer][data-agency='{Police}']")!.TextContent, StringComparison.Ordinal);
        var (_, timeline) = await h.Screener.GetPageAsync($"/Screening/{h.ContactId}/Timeline");
        Assert.Contains($"Check answer corrected by {Police}", timeline.Body!.TextContent, StringComparison.Ordinal);
        var kept = await factory.WithDbAsync(db => db.CheckCorrections.IgnoreQueryFilters().SingleAsync(c => c.CheckId == checkId));
        Assert.Equal(false, kept.PreviousKnown);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.CorrectCheckAnswer && a.TargetId == checkId.ToString() && a.Outcome == AuditOutcome.Allowed && a.UserName == "staffs.police")));
    }

    [Fact]
    public async Task Correct_WithoutAReason_IsRefusedWithAnError()
    {
        var h = await HouseholdAsync("Reasonless");
        await RequestAsync(h, Police);
        var checkId = await CheckIdAsync(h.ContactId, Police);
        var police = await SignInAsync("staffs.police");
        await police.PostFormAsync($"/Checks/{checkId}", await CheckForms.NothingHeldAsync(factory, checkId));

        var page = await PageClient.ParseAsync(await police.PostFormAsync($"/Checks/{checkId}/Correct", ChildNothingAdultDomesticAbuse(h, "Some history (fictional).")));

        Assert.Equal(["#Reason"], page.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")).ToList());
        Assert.False(await factory.WithDbAsync(db => db.CheckCorrections.IgnoreQueryFilters().AnyAsync(c => c.CheckId == checkId)));
    }

    [Fact]
    public async Task Correct_AfterTheDecisionIsApproved_IsRefusedInWordsAndAudited()
    {
        var h = await HouseholdAsync("Toolate");
        await RequestAsync(h, Police);
        var checkId = await CheckIdAsync(h.ContactId, Police);
        var police = await SignInAsync("staffs.police");
        await police.PostFormAsync($"/Checks/{checkId}", await CheckForms.NothingHeldAsync(factory, checkId));
        await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().Where(c => c.Id == h.ContactId).ExecuteUpdateAsync(s => s.SetProperty(c => c.State, ContactState.Decided)));

        var page = await PageClient.ParseAsync(await police.PostFormAsync($"/Checks/{checkId}/Correct", [new("Reason", "Found more (fictional)."), .. ChildNothingAdultDomesticAbuse(h, "History (fictional).")]));
        var (_, checkPage) = await police.GetPageAsync($"/Checks/{checkId}");

        Assert.Contains(CheckService.DecidedRefusal, page.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(CheckService.DecidedRefusal, checkPage.QuerySelector("[data-testid=no-correction]")?.TextContent);
        Assert.Null(checkPage.QuerySelector("[data-testid=correct-link]"));
        Assert.False(await factory.WithDbAsync(db => db.CheckCorrections.IgnoreQueryFilters().AnyAsync(c => c.CheckId == checkId)));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.CorrectCheckAnswer && a.TargetId == checkId.ToString() && a.Outcome == AuditOutcome.Refused)));
    }

    [Theory]
    [InlineData("stoke.police", "")]
    [InlineData("stoke.police", "/Correct")]
    [InlineData("staffs.health", "/Correct")]
    public async Task CheckPages_ForAnotherHubOrAgency_AreNotFound(string user, string page)
    {
        var h = await HouseholdAsync("Elsewhere");
        await RequestAsync(h, Police);
        var checkId = await CheckIdAsync(h.ContactId, Police);

        var response = await (await SignInAsync(user)).Http.GetAsync(new Uri($"/Checks/{checkId}{page}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.TargetId == checkId.ToString() && a.UserName == user && a.Outcome == AuditOutcome.Refused)));
    }

    [Fact]
    public async Task AddPerson_ThenRequestChecks_AsksAboutTheNewAdultAsThePartnerOfTheParent()
    {
        var h = await HouseholdAsync("Addwell");

        var response = await h.Screener.PostFormAsync($"/Screening/{h.ContactId}/Household",
        [
            new("GivenNames", "Lee"), new("FamilyName", "Newpartner"), new("DateOfBirth.Day", "3"), new("DateOfBirth.Month", "9"), new("DateOfBirth.Year", "1988"),
            new("Role", "HouseholdMember"), new("ChildId", h.ChildId.ToString()), new("Relationship", "PartnerOfParent"),
        ], $"/Screening/{h.ContactId}/Household?handler=Add");
        await RequestAsync(h, Police);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var lee = await factory.WithDbAsync(db => db.Persons.IgnoreQueryFilters().SingleAsync(p => p.FamilyName == "Newpartner"));
        Assert.Equal(new DateOnly(1988, 9, 3), lee.DateOfBirth);
        var people = await CheckForms.PeopleAsync(factory, await CheckIdAsync(h.ContactId, Police));
        Assert.Contains(people, p => p.PersonId == lee.Id && p.AsAdult);
        Assert.Equal(3, people.Count);
        Assert.True(await factory.WithDbAsync(db => db.PersonRelationships.IgnoreQueryFilters().AnyAsync(r => r.PersonId == h.ChildId && r.RelatedPersonId == lee.Id && r.Type == RelationshipType.PartnerOfParent)));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.AddHouseholdPerson && a.TargetId == h.ContactId.ToString())));
    }

    [Fact]
    public async Task AddPerson_WithoutANameOrRelationship_ShowsTheErrorSummaryAndAddsNobody()
    {
        var h = await HouseholdAsync("Blankwell");

        var page = await PageClient.ParseAsync(await h.Screener.PostFormAsync($"/Screening/{h.ContactId}/Household", [new("Role", "HouseholdMember")], $"/Screening/{h.ContactId}/Household?handler=Add"));

        Assert.Equal(["#GivenNames", "#FamilyName", "#ChildId", "#Relationship"], page.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")).ToList());
        Assert.Equal(2, await factory.WithDbAsync(db => db.ContactSubjects.IgnoreQueryFilters().CountAsync(s => s.ContactId == h.ContactId)));
    }

    [Fact]
    public async Task LeaveOut_AnAdultWithAReason_ChecksSentAfterwardsDoNotAskAboutThem()
    {
        var h = await HouseholdAsync("Leftout");
        var url = $"/Screening/{h.ContactId}/Household?handler=Coverage";

        var refused = await PageClient.ParseAsync(await h.Screener.PostFormAsync($"/Screening/{h.ContactId}/Household", [new("PersonId", h.AdultId.ToString()), new("Include", "false")], url));
        var childRefused = await PageClient.ParseAsync(await h.Screener.PostFormAsync($"/Screening/{h.ContactId}/Household", [new("PersonId", h.ChildId.ToString()), new("Include", "false"), new("Reason", "x")], url));
        var left = await h.Screener.PostFormAsync($"/Screening/{h.ContactId}/Household", [new("PersonId", h.AdultId.ToString()), new("Include", "false"), new("Reason", "Moved abroad in 2019 and has had no contact since (fictional).")], url);
        await RequestAsync(h, Police);

        Assert.Equal(["#Reason"], refused.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")).ToList());
        Assert.Contains("always covers the children", childRefused.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, left.StatusCode);
        var people = await CheckForms.PeopleAsync(factory, await CheckIdAsync(h.ContactId, Police));
        Assert.Equal([h.ChildId], people.Select(p => p.PersonId).ToList());
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.ChangeCheckCoverage && a.TargetId == h.ContactId.ToString() && a.Detail!.Contains("Moved abroad"))));
        var (_, household) = await h.Screener.GetPageAsync($"/Screening/{h.ContactId}/Household");
        Assert.Contains("Left out of checks not yet sent", household.QuerySelector($"[data-testid=member][data-person='{h.AdultId}'] [data-testid=coverage]")?.TextContent, StringComparison.Ordinal);
    }
}
