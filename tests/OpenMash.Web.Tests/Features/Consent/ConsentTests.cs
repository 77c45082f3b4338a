using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenMash.Sharing;
using OpenMash.Web.Security;
using OpenMash.Web.Tests.Features.Screening;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Features.Consent;

public sealed class ConsentTests(OpenMashFactory factory) : IClassFixture<OpenMashFactory>
{
    private const string Police = "Staffordshire Police";
    private const string Health = "Demo Community Health NHS Trust";
    private const string Csc = "Staffordshire County Council Children's Social Care";

    private async Task<PageClient> SignInAsync(string user)
    {
        var client = new PageClient(factory.CreateBrowserlessClient());
        await client.SignInAsDemoAsync(user);
        return client;
    }

    /// <summary>A contact the referrer did not get consent for, screened below threshold (early help).</summary>
    private async Task<(Guid ContactId, Guid ChildId, PageClient Screener)> BelowThresholdAsync(string given, string rag = "Amber", bool familyConsented = false)
    {
        var hub = await FrontDoorData.HubIdAsync(factory);
        var (contactId, people) = await FrontDoorData.ContactAsync(factory, hub, [FrontDoorData.Child(given, "Consentcase")], familyConsented: familyConsented);
        var screener = await SignInAsync("staffs.screener");
        var screened = await screener.PostFormAsync($"/Screening/{contactId}", ScreeningTests.ScreeningForm(rag, "BelowThreshold", threshold: "EarlyHelp"), $"/Screening/{contactId}?handler=Screen");
        Assert.Equal(HttpStatusCode.Redirect, screened.StatusCode);
        return (contactId, people[0], screener);
    }

    private async Task<HttpResponseMessage> RequestChecksAsync(PageClient screener, Guid contactId, params string[] agencies)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var name in agencies)
        {
            fields.Add(new("AgencyIds", (await FrontDoorData.AgencyIdAsync(factory, name)).ToString()));
        }

        return await screener.PostFormAsync($"/Screening/{contactId}", fields, $"/Screening/{contactId}?handler=Checks");
    }

    private Task<bool> CheckSentAsync(Guid contactId, string agency) =>
        factory.WithDbAsync(db => db.Checks.IgnoreQueryFilters().AnyAsync(c => c.ContactId == contactId && c.Agency.Name == agency));

    private KeyValuePair<string, string>[] ConsentForm(Guid personId, string status, params AgencyType[] types)
    {
        var today = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);
        return
        [
            new("PersonIds", personId.ToString()), new("Status", status), new("GivenBy", "ParentWithParentalResponsibility"), new("GiverName", "Pat Consentcase"),
            .. types.Select(t => new KeyValuePair<string, string>("AgencyTypes", t.ToString())),
            new("Purposes", "SafeguardingScreening"),
            new("DecidedOn.Day", today.Day.ToString(CultureInfo.InvariantCulture)), new("DecidedOn.Month", today.Month.ToString(CultureInfo.InvariantCulture)), new("DecidedOn.Year", today.Year.ToString(CultureInfo.InvariantCulture)),
            new("Evidence", "Verbal, phone call with mother (fictional)."),
        ];
    }

    private static KeyValuePair<string, string>[] ConfirmForm(Guid personId) =>
    [
        new("PersonIds", personId.ToString()), new("GivenBy", "ParentWithParentalResponsibility"), new("GiverName", "Pat Consentcase"),
        new("Evidence", "Phone call with mother: agreed to checks with all partners (fictional)."),
    ];

    private Task<List<RecordedConsent>> ConsentRowsAsync(Guid personId) =>
        factory.WithDbAsync(db => db.Consents.IgnoreQueryFilters().Where(c => c.PersonId == personId).ToListAsync());

    private async Task RecordConsentAsync(PageClient screener, Guid contactId, Guid personId, string status, params AgencyType[] types)
    {
        // Each record is later than the one before, as it would be in real time.
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var response = await screener.PostFormAsync($"/Consent/Record/{contactId}", ConsentForm(personId, status, types));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static string? ErrorSummary(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelector(".govuk-error-summary")?.TextContent;

    private static List<string?> ErrorLinks(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")).ToList();

    private async Task AddUserAsync(string userName, params string[] roles)
    {
        await FrontDoorData.AddDemoUserAsync(factory, userName, roles[0], "STAFFS", Csc);
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(Actor.System("test"));
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByNameAsync(userName);
        foreach (var role in roles.Skip(1))
        {
            if (!await users.IsInRoleAsync(user!, role))
            {
                Assert.True((await users.AddToRoleAsync(user!, role)).Succeeded);
            }
        }
    }

    [Fact]
    public async Task BelowThreshold_ConsentRecordedThenWithdrawn_ChecksAreBlockedReleasedAndBlockedAgain()
    {
        var (contactId, childId, screener) = await BelowThresholdAsync("Bella");

        var blocked = await PageClient.ParseAsync(await RequestChecksAsync(screener, contactId, Police));

        var message = ErrorSummary(blocked);
        Assert.Contains("Consent is needed before partner checks to Staffordshire Police", message, StringComparison.Ordinal);
        Assert.Contains("record the family's consent", message, StringComparison.Ordinal);
        Assert.Contains("request an override", message, StringComparison.Ordinal);
        Assert.False(await CheckSentAsync(contactId, Police));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.RequestChecks && e.Outcome == AuditOutcome.Refused && e.TargetId == contactId.ToString())));

        await RecordConsentAsync(screener, contactId, childId, "Given", AgencyType.Police, AgencyType.Health);
        var (_, casePage) = await screener.GetPageAsync($"/Screening/{contactId}");
        Assert.Equal("true", casePage.QuerySelector($"[data-testid=consent-gate] tr[data-agency='{Police}']")?.GetAttribute("data-may-proceed"));

        Assert.Equal(HttpStatusCode.Redirect, (await RequestChecksAsync(screener, contactId, Police)).StatusCode);
        Assert.True(await CheckSentAsync(contactId, Police));
        var decision = await factory.WithDbAsync(db => db.SharingDecisions.IgnoreQueryFilters().SingleAsync(d => d.ContactId == contactId));
        Assert.True(decision.Share);
        Assert.Equal(SharingDecisionOrigin.ChecksRequested, decision.Origin);
        Assert.Equal(Police, decision.RecipientOrganisation);
        Assert.Equal(await FrontDoorData.AgencyIdAsync(factory, Police), decision.RecipientAgencyId);
        Assert.Equal(SharingPurpose.SafeguardingScreening, decision.Purpose);
        Assert.Equal(Article6Basis.PublicTask, decision.Article6);
        Assert.Equal(LawfulBasis.Consent, decision.Condition);
        Assert.Equal(ConsentStatus.Given, decision.ConsentStatus);
        Assert.Null(decision.ConsentOverrideId);
        Assert.Equal("Demo Screener (Staffordshire)", decision.DecidedByName);
        // The reason names who answered by their role; their name stays on the consent record (it travels further).
        Assert.DoesNotContain("Pat Consentcase", decision.Reasons, StringComparison.Ordinal);
        Assert.Contains("consent given by a parent with parental responsibility", decision.Reasons, StringComparison.Ordinal);
        Assert.Contains("dates of birth", decision.Items, StringComparison.Ordinal);
        Assert.True(decision.FamilyTold);
        Assert.NotNull(decision.IdentitiesWithheld);
        Assert.NotNull(decision.CheckId);

        await RecordConsentAsync(screener, contactId, childId, "Withdrawn", AgencyType.Police, AgencyType.Health);
        var again = await PageClient.ParseAsync(await RequestChecksAsync(screener, contactId, Health));

        Assert.Contains("consent was withdrawn", ErrorSummary(again), StringComparison.Ordinal);
        Assert.False(await CheckSentAsync(contactId, Health));
        var (_, person) = await screener.GetPageAsync($"/People/{childId}");
        Assert.Equal(["Withdrawn", "Given"], person.QuerySelectorAll("[data-testid=consent-history] tbody tr").Select(r => r.GetAttribute("data-status")).ToList());
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.ViewConsentHistory && e.TargetId == childId.ToString() && e.UserName == "staffs.screener")));
    }

    [Fact]
    public async Task IntakeClaimOfConsent_BelowThreshold_IsARecordReportedNotConfirmedThatReleasesNoChecks()
    {
        // The contact form's "the family consented" (the same service the form and the API use).
        var (contactId, childId, screener) = await BelowThresholdAsync("Clara", familyConsented: true);

        var rows = await ConsentRowsAsync(childId);
        var page = await PageClient.ParseAsync(await RequestChecksAsync(screener, contactId, Health, "Oakbrook Primary School (demo)"));

        var row = Assert.Single(rows);
        Assert.True(row.ReportedByReferrer);
        Assert.Null(row.ConfirmedAtUtc);
        Assert.Equal(ConsentStatus.Given, row.Status);
        Assert.Equal(contactId, row.ContactId);
        Assert.Equal([SharingPurpose.SafeguardingScreening], row.Purposes);
        Assert.Contains("no practitioner has confirmed it", ErrorSummary(page), StringComparison.Ordinal);
        Assert.False(await CheckSentAsync(contactId, Health));
        Assert.False(await CheckSentAsync(contactId, "Oakbrook Primary School (demo)"));
        var (_, casePage) = await screener.GetPageAsync($"/Screening/{contactId}");
        Assert.Equal("Reported by the referrer, not confirmed", casePage.QuerySelector("[data-testid=consents] tr[data-confirmed=false] [data-field=consent-status]")?.TextContent);
        Assert.NotNull(casePage.QuerySelector($"[data-testid=confirm-reported][href='/Consent/Confirm/{contactId}']"));
    }

    [Fact]
    public async Task ConfirmingReportedConsent_WithWhoAndHow_ReleasesChecksAndIsAudited()
    {
        var (contactId, childId, screener) = await BelowThresholdAsync("Cora", familyConsented: true);

        var empty = await screener.PostFormAsync($"/Consent/Confirm/{contactId}", []);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Equal(["#PersonIds", "#GivenBy", "#GiverName", "#Evidence"], ErrorLinks(await PageClient.ParseAsync(empty)));
        Assert.Null((await ConsentRowsAsync(childId)).Single().ConfirmedAtUtc);

        var confirmed = await screener.PostFormAsync($"/Consent/Confirm/{contactId}", ConfirmForm(childId));

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var row = (await ConsentRowsAsync(childId)).Single();
        Assert.NotNull(row.ConfirmedAtUtc);
        Assert.Equal("Demo Screener (Staffordshire)", row.ConfirmedByName);
        Assert.Equal("Pat Consentcase", row.GiverName);
        Assert.StartsWith("Phone call with mother", row.ConfirmationEvidence, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e =>
            e.Action == AuditActions.ConfirmConsent && e.Outcome == AuditOutcome.Allowed && e.TargetId == contactId.ToString() && e.UserName == "staffs.screener")));
        Assert.Equal(HttpStatusCode.Redirect, (await RequestChecksAsync(screener, contactId, Health)).StatusCode);
        var decision = await factory.WithDbAsync(db => db.SharingDecisions.IgnoreQueryFilters().SingleAsync(d => d.ContactId == contactId));
        Assert.Equal(LawfulBasis.Consent, decision.Condition);
        // The reason names who answered by their role; their name stays on the consent record (it travels further).
        Assert.DoesNotContain("Pat Consentcase", decision.Reasons, StringComparison.Ordinal);
        Assert.Contains("consent given by a parent with parental responsibility", decision.Reasons, StringComparison.Ordinal);

        // Confirmed once: the page has nothing left to confirm, and a second post changes nothing.
        var again = await screener.PostFormAsync($"/Consent/Record/{contactId}", ConfirmForm(childId), $"/Consent/Confirm/{contactId}");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("#PersonIds", ErrorLinks(await PageClient.ParseAsync(again)));
        Assert.Equal(row.ConfirmedAtUtc, (await ConsentRowsAsync(childId)).Single().ConfirmedAtUtc);
    }

    [Fact]
    public async Task ConfirmPage_ForAnotherHubsContact_IsNotFoundAndConfirmsNothing()
    {
        var (contactId, childId, _) = await BelowThresholdAsync("Cleo", familyConsented: true);
        var (stokeContact, _) = await FrontDoorData.ContactAsync(factory, await FrontDoorData.HubIdAsync(factory, "STOKE"), [FrontDoorData.Child("Cleo", "Otherhub")]);
        var otherHub = await SignInAsync("stoke.screener");

        var response = await otherHub.PostFormAsync($"/Consent/Record/{stokeContact}", ConfirmForm(childId), $"/Consent/Confirm/{contactId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null((await ConsentRowsAsync(childId)).Single().ConfirmedAtUtc);
    }

    [Fact]
    public async Task ConsentSought_AwaitingAnAnswer_BlocksChecksUntilTheAnswerIsRecorded()
    {
        var (contactId, childId, screener) = await BelowThresholdAsync("Sadie");

        await RecordConsentAsync(screener, contactId, childId, "Sought", AgencyType.Health);
        var page = await PageClient.ParseAsync(await RequestChecksAsync(screener, contactId, Health));

        Assert.Contains("consent was sought and the family has not answered yet", ErrorSummary(page), StringComparison.Ordinal);
        Assert.False(await CheckSentAsync(contactId, Health));
        Assert.Equal(ConsentStatus.Sought, (await ConsentRowsAsync(childId)).Single().Status);
        var (_, casePage) = await screener.GetPageAsync($"/Screening/{contactId}");
        Assert.Equal("Consent sought, awaiting an answer", casePage.QuerySelector("[data-testid=consents] tr[data-status=Sought] [data-field=consent-status]")?.TextContent);

        await RecordConsentAsync(screener, contactId, childId, "Given", AgencyType.Health);
        Assert.Equal(HttpStatusCode.Redirect, (await RequestChecksAsync(screener, contactId, Health)).StatusCode);
        Assert.True(await CheckSentAsync(contactId, Health));
    }

    [Fact]
    public async Task SharingDecision_BySocialCareCitingSchedule8_IsRefusedWithAClearError()
    {
        var (contactId, _, screener) = await BelowThresholdAsync("Polly");
        var police = await FrontDoorData.AgencyIdAsync(factory, Police);

        var response = await screener.PostFormAsync($"/Consent/Share/{contactId}",
        [
            new("Share", "true"), new("RecipientAgencyId", police.ToString()), new("Purpose", "SafeguardingScreening"), new("Items", "The referral summary."),
            new("Reasons", "Police need to know of the risk (fictional)."), new("Article6", "PublicTask"), new("Condition", "LawEnforcementSafeguarding"),
            new("ConsentStatus", "NotSought"), new("NotSoughtReason", "WouldPrejudiceProtection"), new("FamilyTold", "true"), new("IdentitiesWithheld", "false"),
        ]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageClient.ParseAsync(response);
        Assert.Equal(["#Condition"], ErrorLinks(page));
        Assert.Contains("your agency is not police", ErrorSummary(page), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.SharingDecisions.IgnoreQueryFilters().AnyAsync(x => x.ContactId == contactId)));
    }

    [Fact]
    public void SharingDecisionRules_Schedule8_AreAllowedOnlyForAPoliceDiscloser()
    {
        var agency = Guid.NewGuid();
        var input = new OpenMash.Web.Features.DataSharing.SharingDecisionInput
        {
            Share = true,
            RecipientAgencyId = agency,
            Purpose = SharingPurpose.SafeguardingScreening,
            Items = "Police intelligence summary.",
            Reasons = "Risk of exploitation (fictional).",
            Article6 = Article6Basis.PublicTask,
            Condition = LawfulBasis.LawEnforcementSafeguarding,
            ConsentStatus = ConsentStatus.NotSought,
            NotSoughtReason = NotSoughtReason.WouldPrejudiceProtection,
            FamilyTold = true,
            IdentitiesWithheld = false,
        };

        var byPolice = OpenMash.Web.Features.DataSharing.SharingDecisionService.Validate(input, [agency], AgencyType.Police);
        var byHealth = OpenMash.Web.Features.DataSharing.SharingDecisionService.Validate(input, [agency], AgencyType.Health);

        Assert.Empty(byPolice);
        Assert.Equal(["Condition"], byHealth.Select(e => e.Field).ToList());
    }

    [Fact]
    public async Task RefusedConsent_OverridesTheIntakeAnswer_AndBlocksChecks()
    {
        var (contactId, childId, screener) = await BelowThresholdAsync("Rhea", familyConsented: true);

        await RecordConsentAsync(screener, contactId, childId, "Refused", AgencyType.Police, AgencyType.Health);
        var page = await PageClient.ParseAsync(await RequestChecksAsync(screener, contactId, Police));

        Assert.Contains("consent was refused", ErrorSummary(page), StringComparison.Ordinal);
        Assert.False(await CheckSentAsync(contactId, Police));
    }

    [Fact]
    public async Task BelowThreshold_WithConsentForHealthOnly_DoesNotReleaseChecksToPolice()
    {
        var (contactId, childId, screener) = await BelowThresholdAsync("Hana");

        await RecordConsentAsync(screener, contactId, childId, "Given", AgencyType.Health);

        Assert.Equal(HttpStatusCode.OK, (await RequestChecksAsync(screener, contactId, Police, Health)).StatusCode);
        Assert.False(await CheckSentAsync(contactId, Police));
        Assert.False(await CheckSentAsync(contactId, Health));
        Assert.Equal(HttpStatusCode.Redirect, (await RequestChecksAsync(screener, contactId, Health)).StatusCode);
        Assert.True(await CheckSentAsync(contactId, Health));
    }

    [Fact]
    public async Task RequestingAnOverride_WithoutThePermission_IsRefusedAndAudited()
    {
        var (contactId, _, screener) = await BelowThresholdAsync("Nora");

        var (response, _) = await screener.GetPageAsync($"/Consent/Override/{contactId}");
        var police = await SignInAsync("staffs.police");
        var (researcher, _) = await police.GetPageAsync($"/Consent/Override/{contactId}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, researcher.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e =>
            e.Action == AuditActions.RequestConsentOverride && e.Outcome == AuditOutcome.Refused && e.UserName == "staffs.screener" && e.TargetId == contactId.ToString())));
        Assert.False(await factory.WithDbAsync(db => db.ConsentOverrides.IgnoreQueryFilters().AnyAsync(o => o.ContactId == contactId)));
    }

    [Fact]
    public async Task RequestingAnOverride_WithoutAJustification_ShowsTheErrorSummary()
    {
        var (contactId, _, _) = await BelowThresholdAsync("Iris");
        var senior = await SignInAsync("staffs.senior");

        var response = await senior.PostFormAsync($"/Consent/Override/{contactId}", [new("Justification", "  ")]);
        var page = await PageClient.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["#Justification"], ErrorLinks(page));
        Assert.False(await factory.WithDbAsync(db => db.ConsentOverrides.IgnoreQueryFilters().AnyAsync(o => o.ContactId == contactId)));
    }

    [Fact]
    public async Task AmberOverride_NeedsAnotherManagersApproval_BeforeChecksGo()
    {
        await AddUserAsync("staffs.manager-senior", Roles.MashManager, Roles.ConsentOverride);
        var (contactId, _, screener) = await BelowThresholdAsync("Olive");
        var requester = await SignInAsync("staffs.manager-senior");

        Assert.Equal(HttpStatusCode.Redirect, (await requester.PostFormAsync($"/Consent/Override/{contactId}", [new("Justification", "Mother cannot be reached and the child may be at risk (fictional).")])).StatusCode);
        var request = await factory.WithDbAsync(db => db.ConsentOverrides.IgnoreQueryFilters().SingleAsync(o => o.ContactId == contactId));
        Assert.Equal(OverrideStatus.Pending, request.Status);
        Assert.False(request.TakesEffectAtOnce);
        Assert.Null(request.ApprovalDueUtc);
        Assert.Equal(HttpStatusCode.OK, (await RequestChecksAsync(screener, contactId, Police)).StatusCode);
        Assert.False(await CheckSentAsync(contactId, Police));

        // Deciding one's own request is refused (403, audited) by the page's policy, and the error page says why.
        var ownResponse = await requester.PostFormAsync($"/Consent/Overrides/{request.Id}", [new("Approve", "true")]);
        var own = await PageClient.ParseAsync(ownResponse);
        Assert.Equal(HttpStatusCode.Forbidden, ownResponse.StatusCode);
        Assert.Contains("another manager must approve", own.QuerySelector("[data-testid=refusal-reason]")?.TextContent, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e =>
            e.Action == AuditActions.DecideConsentOverride && e.Outcome == AuditOutcome.Refused && e.UserName == "staffs.manager-senior" && e.TargetId == request.Id.ToString())));
        var (notManager, _) = await screener.GetPageAsync($"/Consent/Overrides/{request.Id}");
        Assert.Equal(HttpStatusCode.Forbidden, notManager.StatusCode);

        var manager = await SignInAsync("staffs.manager");
        var (_, pending) = await manager.GetPageAsync("/Consent/Overrides");
        Assert.NotNull(pending.QuerySelector($"[data-testid=pending-overrides] a[href='/Consent/Overrides/{request.Id}']"));
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostFormAsync($"/Consent/Overrides/{request.Id}", [new("Approve", "true")])).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await RequestChecksAsync(screener, contactId, Police, Health)).StatusCode);
        var decisions = await factory.WithDbAsync(db => db.SharingDecisions.IgnoreQueryFilters().Where(d => d.ContactId == contactId).ToListAsync());
        Assert.Equal(2, decisions.Count);
        Assert.All(decisions, d => Assert.Equal(request.Id, d.ConsentOverrideId));
        // The condition is the discloser's (children's social care sends the request), not the recipient's: never Schedule 8 here.
        Assert.All(decisions, d => Assert.Equal(LawfulBasis.SafeguardingOfChildren, d.Condition));
        Assert.All(decisions, d => Assert.Equal(Csc, d.DiscloserOrganisation));
        Assert.All(decisions, d => Assert.Contains("override approved by Demo Manager (Staffordshire)", d.Reasons, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RejectingAnOverride_NeedsAReason_AndKeepsChecksBlocked()
    {
        var (contactId, _, screener) = await BelowThresholdAsync("Ada");
        var senior = await SignInAsync("staffs.senior");
        await senior.PostFormAsync($"/Consent/Override/{contactId}", [new("Justification", "Worried about the child (fictional).")]);
        var id = await factory.WithDbAsync(db => db.ConsentOverrides.IgnoreQueryFilters().Where(o => o.ContactId == contactId).Select(o => o.Id).SingleAsync());
        var otherHub = await SignInAsync("stoke.manager");
        var (elsewhere, _) = await otherHub.GetPageAsync($"/Consent/Overrides/{id}");
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        var manager = await SignInAsync("staffs.manager");

        var noReason = await PageClient.ParseAsync(await manager.PostFormAsync($"/Consent/Overrides/{id}", [new("Approve", "false")]));
        Assert.Equal(["#Comment"], ErrorLinks(noReason));
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostFormAsync($"/Consent/Overrides/{id}", [new("Approve", "false"), new("Comment", "Seek consent first (fictional).")])).StatusCode);

        Assert.Equal(OverrideStatus.Rejected, await factory.WithDbAsync(db => db.ConsentOverrides.IgnoreQueryFilters().Where(o => o.Id == id).Select(o => o.Status).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, (await RequestChecksAsync(screener, contactId, Police)).StatusCode);
        Assert.False(await CheckSentAsync(contactId, Police));
    }

    [Fact]
    public async Task RedOverride_WhenRequested_TakesEffectAtOnceWithApprovalDueAndIsListedForInformationGovernance()
    {
        var (contactId, _, screener) = await BelowThresholdAsync("Ruby", rag: "Red");
        var senior = await SignInAsync("staffs.senior");

        Assert.Equal(HttpStatusCode.Redirect, (await senior.PostFormAsync($"/Consent/Override/{contactId}", [new("Justification", "Child found alone at night; mother unreachable (fictional).")])).StatusCode);

        var request = await factory.WithDbAsync(db => db.ConsentOverrides.IgnoreQueryFilters().SingleAsync(o => o.ContactId == contactId));
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        Assert.True(request.TakesEffectAtOnce);
        Assert.Equal(OverrideStatus.Pending, request.Status);
        Assert.NotNull(request.ApprovalDueUtc);
        Assert.True(request.ApprovalDueUtc > now);
        Assert.Equal(HttpStatusCode.Redirect, (await RequestChecksAsync(screener, contactId, Police)).StatusCode);
        var decision = await factory.WithDbAsync(db => db.SharingDecisions.IgnoreQueryFilters().SingleAsync(d => d.ContactId == contactId));
        Assert.Equal(request.Id, decision.ConsentOverrideId);
        Assert.Equal(ConsentStatus.NotSought, decision.ConsentStatus);

        var reference = await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().Where(c => c.Id == contactId).Select(c => c.Reference).SingleAsync());
        var ig = await SignInAsync("staffs.ig");
        var (_, list) = await ig.GetPageAsync("/Consent/Governance");
        Assert.Equal("Pending", list.QuerySelector($"[data-testid=ig-overrides] tr[data-reference='{reference}']")?.GetAttribute("data-status"));

        factory.Clock.Advance(request.ApprovalDueUtc!.Value - now + TimeSpan.FromMinutes(1));
        ig = await SignInAsync("staffs.ig");
        var (_, late) = await ig.GetPageAsync("/Consent/Governance");
        Assert.Equal("Overdue", late.QuerySelector($"[data-testid=ig-overrides] tr[data-reference='{reference}']")?.GetAttribute("data-status"));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.ConsentOverrideRequested && e.TargetId == request.Id.ToString())));
        var (forbidden, _) = await (await SignInAsync("staffs.screener")).GetPageAsync("/Consent/Governance");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task RedOverride_StopsBeingInForce_OnceItsRetrospectiveApprovalIsOverdue()
    {
        var (contactId, _, screener) = await BelowThresholdAsync("Ottilie", rag: "Red");
        var senior = await SignInAsync("staffs.senior");
        Assert.Equal(HttpStatusCode.Redirect, (await senior.PostFormAsync($"/Consent/Override/{contactId}", [new("Justification", "Child found alone at night; mother unreachable (fictional).")])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await RequestChecksAsync(screener, contactId, Police)).StatusCode);

        // The approval falls due while no manager has decided (set in the database: advancing the clock would end the sign-in).
        var past = factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(-5);
        await factory.WithDbAsync(async db =>
        {
            var request = await db.ConsentOverrides.IgnoreQueryFilters().SingleAsync(o => o.ContactId == contactId);
            request.ApprovalDueUtc = past;
            return await db.SaveChangesAsync();
        });

        var response = await RequestChecksAsync(screener, contactId, Health);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = ErrorSummary(await PageClient.ParseAsync(response));
        Assert.Contains("is no longer in force: its retrospective approval was overdue", summary, StringComparison.Ordinal);
        Assert.False(await CheckSentAsync(contactId, Health));
        Assert.True(await CheckSentAsync(contactId, Police));
        var (_, caseConsent) = await screener.GetPageAsync($"/Screening/{contactId}");
        Assert.Contains("Overdue for approval", caseConsent.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecisionNotToShare_IsRecordedWithEveryField_AndListedOnTheCase()
    {
        var (contactId, _, screener) = await BelowThresholdAsync("Gina");

        var response = await screener.PostFormAsync($"/Consent/Share/{contactId}",
        [
            new("Share", "false"), new("RecipientAgencyId", string.Empty), new("RecipientOrganisation", "Demo Lane Surgery (fictional GP)"),
            new("RecipientPerson", "Practice safeguarding lead"), new("Purpose", "EarlyHelp"), new("Items", "School attendance and the referral summary."),
            new("Reasons", "Below threshold and the mother refused; no harm suspected (fictional)."), new("Condition", "None"), new("ConsentStatus", "Refused"),
            new("FamilyTold", "false"), new("FamilyNotToldReason", "Not shared, so nothing to tell yet (fictional)."),
            new("IdentitiesWithheld", "true"), new("IdentitiesWithheldDetail", "The neighbour who raised the concern (fictional)."),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var d = await factory.WithDbAsync(db => db.SharingDecisions.IgnoreQueryFilters().SingleAsync(x => x.ContactId == contactId));
        Assert.False(d.Share);
        Assert.Equal(SharingDecisionOrigin.Recorded, d.Origin);
        Assert.Equal("Demo Lane Surgery (fictional GP)", d.RecipientOrganisation);
        Assert.Null(d.RecipientAgencyId);
        Assert.Equal("Practice safeguarding lead", d.RecipientPerson);
        Assert.Equal(SharingPurpose.EarlyHelp, d.Purpose);
        Assert.Equal("School attendance and the referral summary.", d.Items);
        Assert.StartsWith("Below threshold and the mother refused", d.Reasons, StringComparison.Ordinal);
        Assert.Equal(LawfulBasis.None, d.Condition);
        Assert.Null(d.Article6);
        Assert.Equal(ConsentStatus.Refused, d.ConsentStatus);
        Assert.False(d.FamilyTold);
        Assert.Equal("Not shared, so nothing to tell yet (fictional).", d.FamilyNotToldReason);
        Assert.Equal("The neighbour who raised the concern (fictional).", d.IdentitiesWithheld);
        Assert.Equal("Demo Screener (Staffordshire)", d.DecidedByName);
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime, d.DecidedAtUtc, TimeSpan.FromSeconds(1));

        var (_, page) = await screener.GetPageAsync($"/Screening/{contactId}");
        var card = page.QuerySelector("[data-testid=sharing-decision][data-share=false]");
        Assert.NotNull(card);
        Assert.Contains("The neighbour who raised the concern", card.QuerySelector("[data-field=withheld]")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecisionToShare_WithAHubAgency_RecordsTheAgencyAndBasis()
    {
        var (contactId, _, screener) = await BelowThresholdAsync("Tess");
        var school = await FrontDoorData.AgencyIdAsync(factory, "Oakbrook Primary School (demo)");

        var response = await screener.PostFormAsync($"/Consent/Share/{contactId}",
        [
            new("Share", "true"), new("RecipientAgencyId", school.ToString()), new("Purpose", "SafeguardingScreening"), new("Items", "That a contact was received."),
            new("Reasons", "The school needs to watch attendance (fictional)."), new("Article6", "LegalObligation"), new("Condition", "SafeguardingOfChildren"),
            new("ConsentStatus", "NotSought"), new("NotSoughtReason", "WouldPrejudiceProtection"), new("FamilyTold", "true"), new("IdentitiesWithheld", "false"),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var d = await factory.WithDbAsync(db => db.SharingDecisions.IgnoreQueryFilters().SingleAsync(x => x.ContactId == contactId));
        Assert.True(d.Share);
        Assert.Equal(school, d.RecipientAgencyId);
        Assert.Equal("Oakbrook Primary School (demo)", d.RecipientOrganisation);
        Assert.Equal(Article6Basis.LegalObligation, d.Article6);
        Assert.Equal(NotSoughtReason.WouldPrejudiceProtection, d.NotSoughtReason);
        Assert.Null(d.IdentitiesWithheld);
    }

    [Fact]
    public async Task SharingDecisionForm_EmptyOrTampered_ShowsErrorsNeverA500()
    {
        var (contactId, _, screener) = await BelowThresholdAsync("Vera");

        var empty = await screener.PostFormAsync($"/Consent/Share/{contactId}", []);
        var tampered = await screener.PostFormAsync($"/Consent/Share/{contactId}", [new("Share", "maybe"), new("Purpose", "Bogus"), new("RecipientAgencyId", Guid.NewGuid().ToString()), new("Condition", "99")]);

        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Equal(
            ["#Share", "#RecipientOrganisation", "#Purpose", "#Items", "#Reasons", "#Condition", "#ConsentStatus", "#FamilyTold", "#IdentitiesWithheld"],
            ErrorLinks(await PageClient.ParseAsync(empty)));
        Assert.Equal(HttpStatusCode.OK, tampered.StatusCode);
        Assert.Contains("#RecipientAgencyId", ErrorLinks(await PageClient.ParseAsync(tampered)));
        Assert.False(await factory.WithDbAsync(db => db.SharingDecisions.IgnoreQueryFilters().AnyAsync(x => x.ContactId == contactId)));
    }

    [Fact]
    public async Task ConsentForm_Invalid_ShowsErrorsNeverA500()
    {
        var (contactId, childId, screener) = await BelowThresholdAsync("Wren");

        var empty = await screener.PostFormAsync($"/Consent/Record/{contactId}", []);
        var youngPerson = await screener.PostFormAsync($"/Consent/Record/{contactId}",
        [
            new("PersonIds", childId.ToString()), new("PersonIds", Guid.NewGuid().ToString()), new("Status", "Given"), new("GivenBy", "YoungPerson"), new("GiverName", "Wren"),
            new("AgencyTypes", "Health"), new("Purposes", "SafeguardingScreening"), new("DecidedOn.Day", "31"), new("DecidedOn.Month", "2"), new("DecidedOn.Year", "2026"),
            new("Evidence", "In person (fictional)."),
        ]);

        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Equal(["#PersonIds", "#Status", "#GivenBy", "#GiverName", "#AgencyTypes", "#Purposes", "#DecidedOn", "#Evidence"], ErrorLinks(await PageClient.ParseAsync(empty)));
        Assert.Equal(HttpStatusCode.OK, youngPerson.StatusCode);
        Assert.Equal(["#PersonIds", "#CompetenceNote", "#DecidedOn"], ErrorLinks(await PageClient.ParseAsync(youngPerson)));
        Assert.False(await factory.WithDbAsync(db => db.Consents.IgnoreQueryFilters().AnyAsync(c => c.PersonId == childId)));
    }

    [Fact]
    public async Task Screening_RequiresALawfulBasis_AndAboveThresholdTheReasonForNoConsent()
    {
        var hub = await FrontDoorData.HubIdAsync(factory);
        var (contactId, _) = await FrontDoorData.ContactAsync(factory, hub, [FrontDoorData.Child("Lara", "Lawful")]);
        var screener = await SignInAsync("staffs.screener");
        var form = ScreeningTests.ScreeningForm("Amber", "AboveThreshold").Where(f => f.Key is not ("LawfulBasis" or "WithoutConsentReason")).ToList();

        var response = await screener.PostFormAsync($"/Screening/{contactId}", form, $"/Screening/{contactId}?handler=Screen");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["#WithoutConsentReason", "#LawfulBasis"], ErrorLinks(await PageClient.ParseAsync(response)));
        Assert.False(await factory.WithDbAsync(db => db.Screenings.IgnoreQueryFilters().AnyAsync(s => s.ContactId == contactId)));

        Assert.Equal(HttpStatusCode.Redirect, (await screener.PostFormAsync($"/Screening/{contactId}", ScreeningTests.ScreeningForm("Amber", "AboveThreshold"), $"/Screening/{contactId}?handler=Screen")).StatusCode);
        var saved = await factory.WithDbAsync(db => db.Screenings.IgnoreQueryFilters().SingleAsync(s => s.ContactId == contactId));
        Assert.Equal(Article6Basis.PublicTask, saved.LawfulBasis);
        Assert.Equal(NotSoughtReason.WouldPrejudiceProtection, saved.WithoutConsentReason);
    }

    [Theory]
    [InlineData("Universal")]
    [InlineData("EarlyHelp")]
    public async Task Screening_AtUniversalOrEarlyHelp_CannotBeAboveThreshold(string threshold)
    {
        var hub = await FrontDoorData.HubIdAsync(factory);
        var (contactId, _) = await FrontDoorData.ContactAsync(factory, hub, [FrontDoorData.Child("Elsie", "Levelcheck" + threshold)], familyConsented: false);
        var screener = await SignInAsync("staffs.screener");

        var response = await screener.PostFormAsync($"/Screening/{contactId}", ScreeningTests.ScreeningForm("Amber", "AboveThreshold", threshold: threshold), $"/Screening/{contactId}?handler=Screen");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageClient.ParseAsync(response);
        Assert.Equal(["#ConsentView"], ErrorLinks(page));
        Assert.Contains("Select below threshold (consent is needed)", page.QuerySelector("#ConsentView-error")?.TextContent, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Screenings.IgnoreQueryFilters().AnyAsync(s => s.ContactId == contactId)));
        Assert.Equal(HttpStatusCode.OK, (await RequestChecksAsync(screener, contactId, Police)).StatusCode);
        Assert.False(await CheckSentAsync(contactId, Police));

        // Child in need without harm concerns may still seek consent first: below threshold is accepted there.
        var (cin, _) = await FrontDoorData.ContactAsync(factory, hub, [FrontDoorData.Child("Cerys", "Levelcheck" + threshold)], familyConsented: false);
        Assert.Equal(HttpStatusCode.Redirect, (await screener.PostFormAsync($"/Screening/{cin}", ScreeningTests.ScreeningForm("Amber", "BelowThreshold", threshold: "ChildInNeed"), $"/Screening/{cin}?handler=Screen")).StatusCode);
    }

    [Fact]
    public async Task ConsentGate_TreatsAnEarlyHelpScreeningAsBelowThreshold_EvenIfStoredAsAboveThreshold()
    {
        var (contactId, _, screener) = await BelowThresholdAsync("Esme");
        await factory.WithDbAsync(async db =>
        {
            var screening = await db.Screenings.IgnoreQueryFilters().SingleAsync(s => s.ContactId == contactId);
            screening.ConsentView = SafeguardingThreshold.AboveThreshold;
            screening.WithoutConsentReason = NotSoughtReason.WouldPrejudiceProtection;
            return await db.SaveChangesAsync();
        });

        var page = await PageClient.ParseAsync(await RequestChecksAsync(screener, contactId, Police));

        Assert.Contains("Below threshold: no consent on record", ErrorSummary(page), StringComparison.Ordinal);
        Assert.False(await CheckSentAsync(contactId, Police));
    }

    [Fact]
    public async Task AboveThreshold_WithoutConsent_ChecksGoUnderTheSafeguardingConditionWithTheReasonRecorded()
    {
        var hub = await FrontDoorData.HubIdAsync(factory);
        var (contactId, _) = await FrontDoorData.ContactAsync(factory, hub, [FrontDoorData.Child("Abby", "Above")], familyConsented: false);
        var screener = await SignInAsync("staffs.screener");
        await screener.PostFormAsync($"/Screening/{contactId}", ScreeningTests.ScreeningForm("Amber", "AboveThreshold"), $"/Screening/{contactId}?handler=Screen");

        Assert.Equal(HttpStatusCode.Redirect, (await RequestChecksAsync(screener, contactId, Police)).StatusCode);

        var d = await factory.WithDbAsync(db => db.SharingDecisions.IgnoreQueryFilters().SingleAsync(x => x.ContactId == contactId));
        // Social care discloses to police: Schedule 1 paragraph 18 (the discloser's), not Schedule 8 paragraph 4 (finding 14).
        Assert.Equal(LawfulBasis.SafeguardingOfChildren, d.Condition);
        Assert.Equal(Csc, d.DiscloserOrganisation);
        Assert.Equal(ConsentStatus.NotSought, d.ConsentStatus);
        Assert.Equal(NotSoughtReason.WouldPrejudiceProtection, d.NotSoughtReason);
        Assert.Contains("Schedule 1 paragraph 18", d.Reasons, StringComparison.Ordinal);
        Assert.DoesNotContain("Schedule 8", d.Reasons, StringComparison.Ordinal);
    }

    [Fact]
    public void ConsentOverride_IsHeldOnlyAlongsideScreeningOrManagerRoles_NeverByAnAdministrator()
    {
        Assert.Null(Roles.CombinationProblem([Roles.ScreeningSocialWorker, Roles.ConsentOverride]));
        Assert.Null(Roles.CombinationProblem([Roles.MashManager, Roles.ConsentOverride]));
        Assert.NotNull(Roles.CombinationProblem([Roles.Administrator, Roles.ConsentOverride]));
        Assert.NotNull(Roles.CombinationProblem([Roles.ConsentOverride]));
    }

    [Fact]
    public async Task DemoData_ForEachHub_HasABlockedContactARecordedConsentAndARedOverrideAwaitingApproval()
    {
        foreach (var code in new[] { "STAFFS", "STOKE" })
        {
            var hub = await FrontDoorData.HubIdAsync(factory, code);
            var overrides = await factory.WithDbAsync(db => db.ConsentOverrides.IgnoreQueryFilters().Where(o => o.HubId == hub && o.Rag == RagRating.Red && o.TakesEffectAtOnce && o.Status == OverrideStatus.Pending).CountAsync());
            var consents = await factory.WithDbAsync(db => db.Consents.IgnoreQueryFilters().Where(c => c.HubId == hub && c.Status == ConsentStatus.Given).CountAsync());
            Assert.True(overrides >= 1, code);
            Assert.True(consents >= 1, code);
        }

        var staffs = await FrontDoorData.HubIdAsync(factory);
        Assert.True(await factory.WithDbAsync(db => db.Consents.IgnoreQueryFilters().AnyAsync(c => c.HubId == staffs && c.ReportedByReferrer && c.ConfirmedAtUtc == null)));
        Assert.True(await factory.WithDbAsync(db => db.Consents.IgnoreQueryFilters().AnyAsync(c => c.HubId == staffs && c.Status == ConsentStatus.Sought)));
        var blocked = await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().SingleAsync(c => c.HubId == staffs && c.Subjects.Any(s => db.Persons.IgnoreQueryFilters().Any(p => p.Id == s.PersonId && p.FamilyName == "Waitforth"))));
        var screener = await SignInAsync("staffs.screener");
        var page = await PageClient.ParseAsync(await RequestChecksAsync(screener, blocked.Id, Police));
        Assert.Contains("no consent on record", ErrorSummary(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoChecks_EachCarryASharingDecision_WithTheDisclosersCondition()
    {
        var checks = await factory.WithDbAsync(db => db.Checks.IgnoreQueryFilters().Where(c => c.RequestedByUserId == db.Users.Single(u => u.UserName == "staffs.screener").Id).Select(c => c.Id).ToListAsync());
        var decisions = await factory.WithDbAsync(db => db.SharingDecisions.IgnoreQueryFilters().Where(d => d.CheckId != null && checks.Contains(d.CheckId.Value)).ToListAsync());

        Assert.NotEmpty(checks);
        Assert.Equal(checks.Order().ToList(), decisions.Select(d => d.CheckId!.Value).Order().ToList());
        Assert.All(decisions, d => Assert.Equal(Csc, d.DiscloserOrganisation));
        Assert.All(decisions, d => Assert.NotEqual(LawfulBasis.LawEnforcementSafeguarding, d.Condition));
        Assert.Contains(decisions, d => d.Condition == LawfulBasis.SafeguardingOfChildren && d.RecipientOrganisation == Police);
        Assert.Contains(decisions, d => d.Condition == LawfulBasis.Consent);
    }
}
