using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenMash.Web.Features.Decisions;
using OpenMash.Web.Features.Timeliness;
using OpenMash.Web.Security;
using OpenMash.Web.Tests.Features.Screening;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Features.Decisions;

public sealed class DecisionTests(OpenMashFactory factory) : IClassFixture<OpenMashFactory>
{
    private static KeyValuePair<string, string>[] Proposal(string outcome = "EarlyHelp") =>
        [new("Outcome", outcome), new("Rationale", "Needs met by early help (fictional)."), new("Team", "Early Help North"), new("PrimaryNeed", "N4")];

    private async Task<PageClient> SignInAsync(string user)
    {
        var client = new PageClient(factory.CreateBrowserlessClient());
        await client.SignInAsDemoAsync(user);
        return client;
    }

    private async Task<Guid> ContactAwaitingDecisionAsync(PageClient screener, string threshold = "ChildInNeed")
    {
        var hub = await FrontDoorData.HubIdAsync(factory);
        var (contactId, _) = await FrontDoorData.ContactAsync(factory, hub, [FrontDoorData.Child("Dora", "Decidable")]);
        var response = await screener.PostFormAsync($"/Screening/{contactId}", ScreeningTests.ScreeningForm(noChecks: true, threshold: threshold), $"/Screening/{contactId}?handler=Screen");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return contactId;
    }

    private Task<ContactDecision> DecisionAsync(Guid contactId) =>
        factory.WithDbAsync(db => db.Decisions.IgnoreQueryFilters().Where(d => d.ContactId == contactId).OrderByDescending(d => d.ProposedAtUtc).FirstAsync());

    private Task<Contact> ContactAsync(Guid contactId) =>
        factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().SingleAsync(c => c.Id == contactId));

    private Task<int> SetDipSamplePercentAsync(int percent) =>
        factory.WithDbAsync(db => db.HubSettings.IgnoreQueryFilters().ExecuteUpdateAsync(s => s.SetProperty(x => x.NoFurtherActionDipSamplePercent, percent)));

    [Fact]
    public async Task Proposing_WithNothingFilledInOrASecondTime_ListsEveryProblemOrIsRefused()
    {
        var screener = await SignInAsync("staffs.screener");
        var contactId = await ContactAwaitingDecisionAsync(screener);

        var empty = await PageClient.ParseAsync(await screener.PostFormAsync($"/Decisions/Propose/{contactId}", []));
        var first = await screener.PostFormAsync($"/Decisions/Propose/{contactId}", Proposal());
        var second = await PageClient.ParseAsync(await screener.PostFormAsync($"/Decisions/Propose/{contactId}", Proposal("NoFurtherAction")));

        Assert.Equal(["#Outcome", "#Rationale", "#PrimaryNeed"], empty.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")).ToList());
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains("already been proposed", second.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        var decisions = await factory.WithDbAsync(db => db.Decisions.IgnoreQueryFilters().Where(d => d.ContactId == contactId).ToListAsync());
        var only = Assert.Single(decisions);
        Assert.Equal(DecisionOutcome.EarlyHelp, only.Outcome);
        Assert.Equal(PrimaryNeed.N4, only.PrimaryNeed);
        Assert.Equal(DecisionStatus.Proposed, only.Status);
    }

    [Fact]
    public async Task Proposing_WithAnUnknownOutcome_SaysSoOnceAndStoresNothing()
    {
        var screener = await SignInAsync("staffs.screener");
        var contactId = await ContactAwaitingDecisionAsync(screener);

        var response = await screener.PostFormAsync($"/Decisions/Propose/{contactId}", [new("Outcome", "Banish"), new("Rationale", "Fictional"), new("PrimaryNeed", "N99")]);
        var page = await PageClient.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["#Outcome", "#PrimaryNeed"], page.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")).ToList());
        Assert.False(await factory.WithDbAsync(db => db.Decisions.IgnoreQueryFilters().AnyAsync(d => d.ContactId == contactId)));
    }

    [Fact]
    public async Task Proposing_BeforeTheContactIsScreened_IsRefused()
    {
        var hub = await FrontDoorData.HubIdAsync(factory);
        var (contactId, _) = await FrontDoorData.ContactAsync(factory, hub, [FrontDoorData.Child("Una", "Unscreened")]);
        var screener = await SignInAsync("staffs.screener");

        var page = await PageClient.ParseAsync(await screener.PostFormAsync($"/Decisions/Propose/{contactId}", Proposal()));

        Assert.Contains("Screen the contact before proposing", page.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Decisions.IgnoreQueryFilters().AnyAsync(d => d.ContactId == contactId)));
    }

    [Fact]
    public async Task Approve_ByTheManagerWhoProposed_IsRefusedWith403AndAudited()
    {
        var manager = await SignInAsync("staffs.manager");
        var contactId = await ContactAwaitingDecisionAsync(manager);
        await manager.PostFormAsync($"/Decisions/Propose/{contactId}", Proposal());
        var decision = await DecisionAsync(contactId);

        var (_, own) = await manager.GetPageAsync($"/Decisions/{decision.Id}");
        Assert.Null(own.QuerySelector("button[formaction$='handler=Approve']"));
        Assert.Contains("another manager must approve it", own.QuerySelector(".govuk-inset-text")?.TextContent, StringComparison.Ordinal);

        var response = await manager.PostFormAsync($"/Decisions/{decision.Id}", [], $"/Decisions/{decision.Id}?handler=Approve");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(NotTheProposerRequirement.Message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(DecisionStatus.Proposed, (await DecisionAsync(contactId)).Status);
        Assert.NotEqual(ContactState.Decided, (await ContactAsync(contactId)).State);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.ApproveContactDecision && a.Outcome == AuditOutcome.Refused && a.UserName == "staffs.manager" && a.TargetId != null && a.TargetId.Contains(decision.Id.ToString()))));
    }

    [Fact]
    public async Task Approving_DecidesTheContact_AndQueuesFeedbackWithAReferenceAndALinkOnly()
    {
        var screener = await SignInAsync("staffs.screener");
        var hub = await FrontDoorData.HubIdAsync(factory);
        var (contactId, _) = await FrontDoorData.ContactAsync(factory, hub, [FrontDoorData.Child("Fern", "Feedback")]);
        await screener.PostFormAsync($"/Screening/{contactId}", ScreeningTests.ScreeningForm(), $"/Screening/{contactId}?handler=Screen");
        var police = await FrontDoorData.AgencyIdAsync(factory, "Staffordshire Police");
        await screener.PostFormAsync($"/Screening/{contactId}", [new("AgencyIds", police.ToString())], $"/Screening/{contactId}?handler=Checks");
        var checkId = await factory.WithDbAsync(db => db.Checks.IgnoreQueryFilters().Where(c => c.ContactId == contactId).Select(c => c.Id).SingleAsync());
        var researcher = await SignInAsync("staffs.police");
        await researcher.PostFormAsync($"/Checks/{checkId}", await Checks.CheckForms.HeldAboutFirstChildAsync(factory, checkId, "Secret police summary (fictional)", ("Secret police detail (fictional)", [])));
        await screener.PostFormAsync($"/Decisions/Propose/{contactId}", Proposal());
        var decision = await DecisionAsync(contactId);
        var manager = await SignInAsync("staffs.manager");

        var response = await manager.PostFormAsync($"/Decisions/{decision.Id}", [], $"/Decisions/{decision.Id}?handler=Approve");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var contact = await ContactAsync(contactId);
        Assert.Equal(ContactState.Decided, contact.State);
        Assert.NotNull(contact.DecidedAtUtc);
        var calculator = factory.Services.GetRequiredService<WorkingTimeCalculator>();
        var decidedAt = new DateTimeOffset(DateTime.SpecifyKind(contact.DecidedAtUtc!.Value, DateTimeKind.Utc));
        Assert.Equal(calculator.AddWorkingTime(decidedAt, TimeSpan.FromHours(8)).UtcDateTime, DateTime.SpecifyKind(contact.FeedbackDueUtc!.Value, DateTimeKind.Utc));
        // Queued, not sent: only the outbox sender records the feedback as sent, once the mail server accepted it.
        Assert.Null(contact.FeedbackSentAtUtc);
        var approved = await DecisionAsync(contactId);
        Assert.Equal(DecisionStatus.Approved, approved.Status);
        Assert.Equal(await FrontDoorData.UserIdAsync(factory, "staffs.manager"), approved.DecidedByUserId);
        var feedback = Assert.Single(await factory.WithDbAsync(db => db.Outbox.IgnoreQueryFilters().Where(o => o.ContactId == contactId && o.Kind == DecisionService.FeedbackKind).ToListAsync()));
        Assert.Equal("dsl@oakbrook.example.org", feedback.ToAddress);
        Assert.Equal(DeliveryState.Queued, feedback.State);
        Assert.Contains(contact.Reference, feedback.Body, StringComparison.Ordinal);

        // The outcome stays in the system: the e-mail names the reference, and a referrer with an account follows the link.
        Assert.DoesNotContain("Early help", feedback.Body + feedback.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret police", feedback.Body + feedback.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("Fern", feedback.Body + feedback.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Returning_WithAComment_SendsTheProposalBackAndTheScreenerCanProposeAgain()
    {
        var screener = await SignInAsync("staffs.screener");
        var contactId = await ContactAwaitingDecisionAsync(screener);
        await screener.PostFormAsync($"/Decisions/Propose/{contactId}", Proposal());
        var decision = await DecisionAsync(contactId);
        var manager = await SignInAsync("staffs.manager");

        var noComment = await PageClient.ParseAsync(await manager.PostFormAsync($"/Decisions/{decision.Id}", [], $"/Decisions/{decision.Id}?handler=Return"));
        await manager.PostFormAsync($"/Decisions/{decision.Id}", [new("Comment", "Speak to the referrer first (fictional)")], $"/Decisions/{decision.Id}?handler=Return");
        var again = await screener.PostFormAsync($"/Decisions/Propose/{contactId}", Proposal("ChildInNeedAssessment"));

        Assert.Equal(["#Comment"], noComment.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")).ToList());
        var returned = await factory.WithDbAsync(db => db.Decisions.IgnoreQueryFilters().SingleAsync(d => d.Id == decision.Id));
        Assert.Equal(DecisionStatus.Returned, returned.Status);
        Assert.Equal("Speak to the referrer first (fictional)", returned.ManagerComment);
        Assert.Equal(ContactState.AwaitingDecision, (await ContactAsync(contactId)).State);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    [Fact]
    public async Task DipSample_At100Percent_SetsAsideEveryNoFurtherActionForASecondManagerOnly()
    {
        await SetDipSamplePercentAsync(100);
        await FrontDoorData.AddDemoUserAsync(factory, "staffs.manager2", "MashManager", "STAFFS", "Staffordshire County Council Children's Social Care");
        var screener = await SignInAsync("staffs.screener");
        var contactId = await ContactAwaitingDecisionAsync(screener);
        await screener.PostFormAsync($"/Decisions/Propose/{contactId}", Proposal("NoFurtherAction"));
        var decision = await DecisionAsync(contactId);
        var manager = await SignInAsync("staffs.manager");
        await manager.PostFormAsync($"/Decisions/{decision.Id}", [], $"/Decisions/{decision.Id}?handler=Approve");
        var second = await SignInAsync("staffs.manager2");

        var approverTry = await PageClient.ParseAsync(await manager.PostFormAsync("/Decisions/DipSample", [new("DecisionId", decision.Id.ToString()), new($"Notes[{decision.Id}]", "Own sample")]));
        var (_, list) = await second.GetPageAsync("/Decisions/DipSample");
        var recorded = await second.PostFormAsync("/Decisions/DipSample", [new("DecisionId", decision.Id.ToString()), new($"Notes[{decision.Id}]", "Reasonable: no safeguarding concern (fictional)")]);

        Assert.True((await DecisionAsync(contactId)).DipSample);
        Assert.Contains("neither proposed nor approved", approverTry.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(list.QuerySelector($"[data-testid=sample][data-decision='{decision.Id}'] form"));
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var sampled = await DecisionAsync(contactId);
        Assert.Equal(await FrontDoorData.UserIdAsync(factory, "staffs.manager2"), sampled.DipSampledByUserId);
        Assert.Equal("Reasonable: no safeguarding concern (fictional)", sampled.DipSampleNote);
    }

    [Fact]
    public async Task DipSample_At0Percent_SetsNothingAside()
    {
        await SetDipSamplePercentAsync(0);
        var screener = await SignInAsync("staffs.screener");
        var contactId = await ContactAwaitingDecisionAsync(screener);
        await screener.PostFormAsync($"/Decisions/Propose/{contactId}", Proposal("NoFurtherAction"));
        var decision = await DecisionAsync(contactId);
        var manager = await SignInAsync("staffs.manager");

        await manager.PostFormAsync($"/Decisions/{decision.Id}", [], $"/Decisions/{decision.Id}?handler=Approve");

        var approved = await DecisionAsync(contactId);
        Assert.Equal(DecisionStatus.Approved, approved.Status);
        Assert.False(approved.DipSample);
    }

    [Fact]
    public async Task TheManagerQueue_ListsOpenProposals_AndIsForManagersOnly()
    {
        var screener = await SignInAsync("staffs.screener");
        var contactId = await ContactAwaitingDecisionAsync(screener);
        await screener.PostFormAsync($"/Decisions/Propose/{contactId}", Proposal());
        var decision = await DecisionAsync(contactId);
        var manager = await SignInAsync("staffs.manager");

        var (_, queue) = await manager.GetPageAsync("/Decisions");

        Assert.NotNull(queue.QuerySelector($"[data-testid=proposals] tr[data-decision='{decision.Id}']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await screener.Http.GetAsync(new Uri("/Decisions", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await screener.Http.GetAsync(new Uri($"/Decisions/{decision.Id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await screener.Http.GetAsync(new Uri("/Decisions/DipSample", UriKind.Relative))).StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.UserName == "staffs.screener" && a.Outcome == AuditOutcome.Refused)));
    }

    [Fact]
    public async Task StrategyDiscussion_NotHeldWhereHarmWasSuspected_RequiresAReason()
    {
        var screener = await SignInAsync("staffs.screener");
        var contactId = await ContactAwaitingDecisionAsync(screener, threshold: "ChildProtection");

        var page = await PageClient.ParseAsync(await screener.PostFormAsync($"/Decisions/Strategy/{contactId}", [new("Held", "false")]));
        var stored = await factory.WithDbAsync(db => db.StrategyDiscussions.IgnoreQueryFilters().AnyAsync(s => s.ContactId == contactId));
        await screener.PostFormAsync($"/Decisions/Strategy/{contactId}", [new("Held", "false"), new("NotHeldReason", "Police already investigating jointly (fictional)")]);

        Assert.Equal(["#NotHeldReason"], page.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")).ToList());
        Assert.False(stored);
        var record = await factory.WithDbAsync(db => db.StrategyDiscussions.IgnoreQueryFilters().SingleAsync(s => s.ContactId == contactId));
        Assert.False(record.Held);
        Assert.Equal("Police already investigating jointly (fictional)", record.NotHeldReason);
    }

    [Fact]
    public async Task StrategyDiscussion_Held_RecordsWhenWhoWasInvitedAndWhoAttended()
    {
        var screener = await SignInAsync("staffs.screener");
        var contactId = await ContactAwaitingDecisionAsync(screener, threshold: "ChildProtection");
        var police = await FrontDoorData.AgencyIdAsync(factory, "Staffordshire Police");
        var health = await FrontDoorData.AgencyIdAsync(factory, "Demo Community Health NHS Trust");

        var response = await screener.PostFormAsync($"/Decisions/Strategy/{contactId}",
        [
            new("Held", "true"), new("HeldAt", "02/11/2026 14:30"), new("Invited", "Police"), new("Invited", "Health"), new("Invited", "SocialWorker"),
            new("AttendedAgencyIds", police.ToString()), new("AttendedAgencyIds", health.ToString()), new("SectionFortySevenAgreed", "true"),
        ]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var record = await factory.WithDbAsync(db => db.StrategyDiscussions.IgnoreQueryFilters().SingleAsync(s => s.ContactId == contactId));
        Assert.True(record.Held);
        Assert.Equal(new DateTime(2026, 11, 2, 14, 30, 0), record.HeldAtUtc);
        Assert.True(record.InvitedPolice && record.InvitedHealth && record.InvitedSocialWorker);
        Assert.False(record.InvitedEducation);
        Assert.Equal(new[] { police, health }.Order(), record.AttendedAgencyIds.Order());
        Assert.True(record.SectionFortySevenAgreed);
    }

    [Fact]
    public async Task TheManagerQueue_WithAnOverdueLaterProposal_ListsItFirst()
    {
        var screener = await SignInAsync("staffs.screener");
        var hub = await FrontDoorData.HubIdAsync(factory);
        var (fresh, _) = await FrontDoorData.ContactAsync(factory, hub, [FrontDoorData.Child("Faye", "Proposedfirst")]);
        await screener.PostFormAsync($"/Screening/{fresh}", ScreeningTests.ScreeningForm(noChecks: true), $"/Screening/{fresh}?handler=Screen");
        await screener.PostFormAsync($"/Decisions/Propose/{fresh}", Proposal());
        var (late, _) = await FrontDoorData.ContactAsync(factory, hub, [FrontDoorData.Child("Owen", "Overduelater")], factory.Clock.GetUtcNow().UtcDateTime.AddDays(-10));
        await screener.PostFormAsync($"/Screening/{late}", ScreeningTests.ScreeningForm(noChecks: true), $"/Screening/{late}?handler=Screen");
        await screener.PostFormAsync($"/Decisions/Propose/{late}", Proposal());
        var manager = await SignInAsync("staffs.manager");

        var (_, queue) = await manager.GetPageAsync("/Decisions");

        var ids = queue.QuerySelectorAll("[data-testid=proposals] tbody tr").Select(r => r.GetAttribute("data-decision")).ToList();
        var lateId = (await DecisionAsync(late)).Id.ToString();
        var freshId = (await DecisionAsync(fresh)).Id.ToString();
        Assert.True(ids.IndexOf(lateId) >= 0 && ids.IndexOf(lateId) < ids.IndexOf(freshId), "the overdue proposal, though proposed later, must come first");
    }
}
