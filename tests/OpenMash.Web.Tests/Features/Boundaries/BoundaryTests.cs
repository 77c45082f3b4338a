using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenMash.Sharing;
using OpenMash.Web.Features.Contacts;
using OpenMash.Web.Features.DataSharing;
using OpenMash.Web.Tests.Features.Screening;
using OpenMash.Web.Tests.Infrastructure;
using static OpenMash.Web.Tests.Features.Boundaries.BoundaryData;
using ItemRestrictions = OpenMash.Sharing.ItemRestrictions;

namespace OpenMash.Web.Tests.Features.Boundaries;

/// <summary>Researchers, referrers and the task group see other agencies' answers only as the demo agreements allow.</summary>
public sealed class BoundaryTests(OpenMashFactory factory) : IClassFixture<OpenMashFactory>
{
    private const string HealthDeny = "Health records are not shared with police for screening (STAFFS, demo)";

    [Fact]
    public async Task CheckPage_ForAPoliceResearcher_NamesTheRuleWithholdingHealthShowsOnlyThatTheSchoolKnowsTheChildAndAuditsEachDecision()
    {
        var contactId = await ContactWithAnswersAsync(factory, "STAFFS", "Priya", ConcernCategory.Neglect, new ContactSource(),
            new AnswerData(Police, "Police: no incidents at the address (fictional)."),
            new AnswerData(Health, "Health: missed immunisations (fictional).", true, ("Health item: asthma clinic (fictional)", ItemRestrictions.None)),
            new AnswerData(StaffsSchool, "School: attendance 71% (fictional).", true, ("School item: late most days (fictional)", ItemRestrictions.None)));
        var police = await SignInAsync(factory, "staffs.police");

        var (response, page) = await police.GetPageAsync($"/Checks/{await CheckIdAsync(factory, contactId, Police)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = page.Body!.TextContent;
        Assert.DoesNotContain("missed immunisations", body, StringComparison.Ordinal);
        Assert.DoesNotContain("asthma clinic", body, StringComparison.Ordinal);
        Assert.DoesNotContain("attendance 71%", body, StringComparison.Ordinal);
        Assert.DoesNotContain("late most days", body, StringComparison.Ordinal);
        var health = page.QuerySelector($"[data-testid=partner-answer][data-agency='{Health}']")!;
        Assert.Contains($"\u201c{HealthDeny}\u201d", health.QuerySelector("[data-testid=not-shared]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("information governance", health.TextContent, StringComparison.Ordinal);
        Assert.Null(health.QuerySelector("[data-testid=existence]"));
        var school = page.QuerySelector($"[data-testid=partner-answer][data-agency='{StaffsSchool}']")!;
        Assert.Contains("Holds information about this child or family", school.QuerySelector("[data-testid=existence]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("tell you only that it holds education information", school.QuerySelector("[data-testid=not-shared]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("[data-testid=may-be-withheld]"));

        var healthCheck = (await CheckIdAsync(factory, contactId, Health)).ToString();
        var refused = Assert.Single(await DecisionsAsync(factory, "staffs.police", AuditOutcome.Refused, healthCheck));
        Assert.Contains("health records from Demo Community Health NHS Trust: refused (refused by an agreement); policy r", refused, StringComparison.Ordinal);
        Assert.Contains($"rule {HealthDeny} (", refused, StringComparison.Ordinal);
        var schoolCheck = (await CheckIdAsync(factory, contactId, StaffsSchool)).ToString();
        Assert.Contains("that it exists only (allowed by an agreement)", Assert.Single(await DecisionsAsync(factory, "staffs.police", AuditOutcome.Refused, schoolCheck)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckPage_ForAHealthResearcher_ShowsPoliceContentButCountsAnItemForMashSocialWorkersOnlyWhichTheScreenerSees()
    {
        var contactId = await ContactWithAnswersAsync(factory, "STAFFS", "Holly", ConcernCategory.Neglect, new ContactSource(),
            new AnswerData(Health, "Health: registered with a GP (fictional)."),
            new AnswerData(Police, "Police: two call-outs this year (fictional).", true,
                ("Police item: call-out in March (fictional)", ItemRestrictions.NotForFamily),
                ("Police item: informant says the father is violent (fictional)", ItemRestrictions.MashSocialWorkersOnly)));
        var health = await SignInAsync(factory, "staffs.health");

        var (_, page) = await health.GetPageAsync($"/Checks/{await CheckIdAsync(factory, contactId, Health)}");

        var police = page.QuerySelector($"[data-testid=partner-answer][data-agency='{Police}']")!;
        Assert.Contains("two call-outs this year", police.QuerySelector("[data-testid=summary]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Police item: call-out in March (fictional)"], police.QuerySelectorAll("[data-testid=item]").Select(i => i.TextContent.Trim()).ToList());
        Assert.Equal("1 item withheld by the supplying agency's restriction", police.QuerySelector("[data-testid=withheld]")!.TextContent.Trim());
        Assert.DoesNotContain("informant", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("shared in full (allowed by an agreement)", Assert.Single(await DecisionsAsync(factory, "staffs.health", AuditOutcome.Allowed, (await CheckIdAsync(factory, contactId, Police)).ToString())), StringComparison.Ordinal);

        var screener = await SignInAsync(factory, "staffs.screener");
        var (_, casePage) = await screener.GetPageAsync($"/Screening/{contactId}");
        Assert.Contains("informant says the father is violent", casePage.QuerySelector($"[data-testid=answer][data-agency='{Police}']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReferralPage_ForASchoolReferrer_ShowsWhatOperationEncompassSharesNeverAnItemNotForReferrersNorThatHealthWasAsked()
    {
        var referrerId = await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "staffs.referrer").Select(u => u.Id).SingleAsync());
        var contactId = await ContactWithAnswersAsync(factory, "STAFFS", "Rosa", ConcernCategory.Neglect, new ContactSource(ReferrerUserId: referrerId),
            new AnswerData(Police, "Police: domestic incident at home last night (fictional).", true,
                ("Police item: officers attended at 23:00 (fictional)", ItemRestrictions.None),
                ("Police item: name of the caller (fictional)", ItemRestrictions.NotForReferrer),
                ("Police item: intelligence for social workers (fictional)", ItemRestrictions.MashSocialWorkersOnly)),
            new AnswerData(Health, "Health: a health visitor is involved (fictional).", true, ("Health item: visits weekly (fictional)", ItemRestrictions.None)));
        await factory.WithDbAsync(async db =>
        {
            var check = await db.Checks.IgnoreQueryFilters().SingleAsync(c => c.ContactId == contactId && c.Agency.Name == Police);
            check.Details = "Police details: the caller is the neighbour at number 4 (fictional).";
            return await db.SaveChangesAsync();
        });
        var referrer = await SignInAsync(factory, "staffs.referrer");

        var (response, page) = await referrer.GetPageAsync($"/Referrals/{contactId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var police = page.QuerySelector($"[data-testid=partner-answer][data-agency='{Police}']")!;
        Assert.Contains("domestic incident at home last night", police.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Police item: officers attended at 23:00 (fictional)"], police.QuerySelectorAll("[data-testid=item]").Select(i => i.TextContent.Trim()).ToList());
        Assert.Equal("2 items withheld by the supplying agency's restriction", police.QuerySelector("[data-testid=withheld]")!.TextContent.Trim());
        var body = page.Body!.TextContent;
        Assert.DoesNotContain("name of the caller", body, StringComparison.Ordinal);
        Assert.DoesNotContain("neighbour at number 4", body, StringComparison.Ordinal);
        Assert.DoesNotContain("intelligence for social workers", body, StringComparison.Ordinal);
        Assert.DoesNotContain(Health, body, StringComparison.Ordinal);
        Assert.DoesNotContain("health visitor", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Answered by", body, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("[data-testid=may-be-withheld]"));
        var healthCheck = (await CheckIdAsync(factory, contactId, Health)).ToString();
        Assert.Contains("health records from Demo Community Health NHS Trust: refused (no agreement covers it)", Assert.Single(await DecisionsAsync(factory, "staffs.referrer", AuditOutcome.Refused, healthCheck)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReferralPage_WhereProbationIsSharedAsExistenceOnly_NamesTheAgreementWithoutTheContent()
    {
        const string probation = "Probation Service (Staffordshire and Stoke-on-Trent)";
        var staffs = await FrontDoorData.HubIdAsync(factory);
        await FrontDoorData.AsUserAsync(factory, "staffs.admin", sp => sp.GetRequiredService<AgreementService>().AddAsync(new DataSharingAgreement
        {
            Name = "Probation to schools: known only (boundary test, fictional)",
            Effect = AgreementEffect.Allow,
            SourceAgencyType = AgencyType.Probation,
            SourceHubId = staffs,
            DestinationAgencyType = AgencyType.Education,
            DestinationHubId = staffs,
            Category = DataCategory.ReferralContent,
            Purpose = SharingPurpose.SafeguardingScreening,
            Mode = SharingMode.Existence,
            ValidFromUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        }));
        var referrerId = await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "staffs.referrer").Select(u => u.Id).SingleAsync());
        var contactId = await ContactWithAnswersAsync(factory, "STAFFS", "Esme", ConcernCategory.Neglect, new ContactSource(ReferrerUserId: referrerId),
            new AnswerData(probation, "Probation: a household member is on licence (fictional).", true, ("Probation item: offence detail (fictional)", ItemRestrictions.None)));
        var referrer = await SignInAsync(factory, "staffs.referrer");

        var (_, page) = await referrer.GetPageAsync($"/Referrals/{contactId}");

        var card = page.QuerySelector($"[data-testid=partner-answer][data-agency='{probation}']")!;
        Assert.Contains("Holds information about this child or family", card.QuerySelector("[data-testid=existence]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("\u201cProbation to schools: known only (boundary test, fictional)\u201d", card.QuerySelector("[data-testid=not-shared]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("on licence", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("offence detail", page.Body.TextContent, StringComparison.Ordinal);
        Assert.Null(card.QuerySelector("[data-testid=withheld]"));
    }

    [Fact]
    public async Task TaskGroup_SeesBothHubsExploitationConcerns_OnlyAsTheTaskGroupAgreementsAllow()
    {
        var staffsContact = await ContactWithAnswersAsync(factory, "STAFFS", "Tamsin", ConcernCategory.ChildSexualExploitation, new ContactSource(),
            new AnswerData(Police, "Police STAFFS: seen with older men (fictional).", true,
                ("Police item: vehicle registration noted (fictional)", ItemRestrictions.None),
                ("Police item: source handling detail (fictional)", ItemRestrictions.NoOnwardSharing)),
            new AnswerData(Health, "Health STAFFS: sexual health clinic visits (fictional).", true));
        var stokeContact = await ContactWithAnswersAsync(factory, "STOKE", "Kieran", ConcernCategory.CriminalExploitation, new ContactSource(),
            new AnswerData(Police, "Police STOKE: found with cash and phones (fictional).", true),
            new AnswerData(Health, "Health STOKE: A&E attendance with a stab wound (fictional).", true));
        var neglectOnly = await ContactWithAnswersAsync(factory, "STOKE", "Nadia", ConcernCategory.Neglect, new ContactSource());
        var member = await SignInAsync(factory, "joint.cetg");

        var (response, page) = await member.GetPageAsync("/TaskGroup");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var staffs = page.QuerySelector($"[data-testid=taskgroup-record][data-contact='{staffsContact}']")!;
        var stoke = page.QuerySelector($"[data-testid=taskgroup-record][data-contact='{stokeContact}']")!;
        Assert.Null(page.QuerySelector($"[data-testid=taskgroup-record][data-contact='{neglectOnly}']"));
        Assert.Contains("Tamsin Boundary", staffs.TextContent, StringComparison.Ordinal);
        Assert.Contains("Kieran Boundary", stoke.TextContent, StringComparison.Ordinal);
        foreach (var record in new[] { staffs, stoke })
        {
            var socialCare = record.QuerySelector("[data-testid=social-care]")!.TextContent;
            Assert.Contains("Known to", socialCare, StringComparison.Ordinal);
            Assert.Contains("Exploitation task group: known to social care (", socialCare, StringComparison.Ordinal);
            Assert.DoesNotContain("Child sexual exploitation", socialCare, StringComparison.Ordinal);
            Assert.DoesNotContain("Criminal exploitation", socialCare, StringComparison.Ordinal);
            Assert.Null(record.QuerySelector($"[data-testid=taskgroup-partner][data-agency='{Health}']"));
        }

        Assert.DoesNotContain("STAFFS-", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("sexual health clinic", page.Body.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("stab wound", page.Body.TextContent, StringComparison.Ordinal);
        Assert.Contains("found with cash and phones", stoke.QuerySelector($"[data-testid=taskgroup-partner][data-agency='{Police}']")!.TextContent, StringComparison.Ordinal);
        var staffsPolice = staffs.QuerySelector($"[data-testid=taskgroup-partner][data-agency='{Police}']")!;
        Assert.Contains("vehicle registration noted", staffsPolice.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("source handling detail", staffsPolice.TextContent, StringComparison.Ordinal);
        Assert.Equal("1 item withheld by the supplying agency's restriction", staffsPolice.QuerySelector("[data-testid=withheld]")!.TextContent.Trim());

        var reads = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.UserName == "joint.cetg" && e.Action == AuditActions.ViewTaskGroupRecord).Select(e => e.TargetId).ToListAsync());
        Assert.Contains(staffsContact.ToString(), reads);
        Assert.Contains(stokeContact.ToString(), reads);
        var stokeHealth = (await CheckIdAsync(factory, stokeContact, Health)).ToString();
        Assert.Contains("refused (no agreement covers it)", Assert.Single(await DecisionsAsync(factory, "joint.cetg", AuditOutcome.Refused, stokeHealth)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TaskGroup_AsTheFirstPageAfterAnAgreementChange_LoadsThePolicyAndShowsWhatItAllows()
    {
        var stokeContact = await ContactWithAnswersAsync(factory, "STOKE", "Jude", ConcernCategory.CriminalExploitation, new ContactSource(),
            new AnswerData(Police, "Police STOKE: seen at a known address (fictional).", true));
        var staffs = await FrontDoorData.HubIdAsync(factory);
        await FrontDoorData.AsUserAsync(factory, "staffs.admin", sp => sp.GetRequiredService<AgreementService>().AddAsync(new DataSharingAgreement
        {
            Name = "Probation to schools: known only (policy reload test, fictional)",
            Effect = AgreementEffect.Allow,
            SourceAgencyType = AgencyType.Probation,
            SourceHubId = staffs,
            DestinationAgencyType = AgencyType.Education,
            DestinationHubId = staffs,
            Category = DataCategory.ReferralContent,
            Purpose = SharingPurpose.SafeguardingScreening,
            Mode = SharingMode.Existence,
            ValidFromUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        }));
        var member = await SignInAsync(factory, "joint.cetg");

        // The task group reader holds a transaction while it asks the gate: the policy reload must join it, not fail closed.
        var (_, page) = await member.GetPageAsync("/TaskGroup");

        var record = page.QuerySelector($"[data-testid=taskgroup-record][data-contact='{stokeContact}']");
        Assert.NotNull(record);
        Assert.Contains("seen at a known address", record.TextContent, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.UserName == "joint.cetg" && e.Action == AuditActions.SharingDecision && e.Detail!.Contains("the sharing policy could not be loaded"))));
    }

    [Fact]
    public async Task TaskGroupMember_CannotOpenEitherHubsScreeningOrCasePages_AndEachRefusalIsAudited()
    {
        var staffsContact = await ContactWithAnswersAsync(factory, "STAFFS", "Carys", ConcernCategory.ChildSexualExploitation, new ContactSource(), new AnswerData(Police, "Police: fictional."));
        var stokeContact = await ContactWithAnswersAsync(factory, "STOKE", "Dylan", ConcernCategory.CriminalExploitation, new ContactSource(), new AnswerData(Police, "Police: fictional."));
        var member = await SignInAsync(factory, "joint.cetg");
        var pages = new[]
        {
            $"/Screening/{staffsContact}", $"/Screening/{stokeContact}", $"/Contacts/{staffsContact}", $"/Contacts/{stokeContact}",
            "/Screening", "/Checks", $"/Checks/{await CheckIdAsync(factory, staffsContact, Police)}", "/People", "/Decisions", "/Referrals", "/Dashboard", "/Audit", "/Admin",
        };

        foreach (var path in pages)
        {
            var response = await member.Http.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{path}: {response.StatusCode}");
        }

        var refused = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.UserName == "joint.cetg" && e.Outcome == AuditOutcome.Refused).Select(e => e.TargetId).ToListAsync());
        Assert.Contains($"/Screening/{stokeContact}", refused);
        Assert.Contains($"/Contacts/{staffsContact}", refused);
    }

    [Theory]
    [InlineData("staffs.screener")]
    [InlineData("staffs.police")]
    [InlineData("stoke.manager")]
    [InlineData("staffs.referrer")]
    [InlineData("staffs.admin")]
    public async Task TheTaskGroupList_IsRefusedToEveryOtherRole_AndTheRefusalIsAudited(string user)
    {
        var client = await SignInAsync(factory, user);

        var response = await client.Http.GetAsync(new Uri("/TaskGroup", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.UserName == user && e.Action == AuditActions.AccessRefused && e.TargetId == "/TaskGroup")));
    }
}
