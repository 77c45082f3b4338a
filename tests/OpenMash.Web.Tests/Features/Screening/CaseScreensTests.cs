using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Features.Shared.Forms;
using OpenMash.Web.Tests.Features.Checks;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Features.Screening;

/// <summary>
/// The screens a screener's day runs on (issue 12 item 7): the screening page's summary and sections, success banners
/// after each action, the partners' answers on the propose and approve pages (through the sharing gate and the item
/// restrictions), the link from "Contact recorded" to screening, and chasing an overdue check by hand.
/// </summary>
public sealed class CaseScreensTests(OpenMashFactory factory) : IClassFixture<OpenMashFactory>
{
    private const string Police = "Staffordshire Police";
    private const string Health = "Demo Community Health NHS Trust";

    private async Task<PageClient> SignInAsync(string user)
    {
        var client = new PageClient(factory.CreateBrowserlessClient());
        await client.SignInAsDemoAsync(user);
        return client;
    }

    private async Task<(Guid ContactId, string Reference)> ContactAsync(string given)
    {
        var hub = await FrontDoorData.HubIdAsync(factory);
        var (contactId, _) = await FrontDoorData.ContactAsync(factory, hub, [FrontDoorData.Child(given, "Screenwell")]);
        var reference = await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().Where(c => c.Id == contactId).Select(c => c.Reference).SingleAsync());
        return (contactId, reference);
    }

    private static async Task ScreenAsync(PageClient screener, Guid contactId)
    {
        var response = await screener.PostFormAsync($"/Screening/{contactId}", ScreeningTests.ScreeningForm(), $"/Screening/{contactId}?handler=Screen");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
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

    /// <summary>Makes the check overdue by the test clock (checks are due a hub-set time after they are requested).</summary>
    private Task<int> MakeOverdueAsync(Guid checkId)
    {
        var past = factory.Clock.GetUtcNow().UtcDateTime.AddHours(-1);
        var due = new DateTime(past.Ticks - (past.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
        return factory.WithDbAsync(db => db.Checks.IgnoreQueryFilters().Where(c => c.Id == checkId).ExecuteUpdateAsync(s => s.SetProperty(c => c.DueAtUtc, due)));
    }

    /// <summary>The success banner of a page: GOV.UK's success notification banner, announced as an alert.</summary>
    private static string? BannerText(IHtmlDocument page)
    {
        var banner = page.QuerySelector("main [data-testid=banner]");
        if (banner is null)
        {
            return null;
        }

        Assert.Contains("govuk-notification-banner--success", banner.ClassName, StringComparison.Ordinal);
        Assert.Equal("alert", banner.GetAttribute("role"));
        return banner.QuerySelector("[data-testid=banner-text]")?.TextContent.Trim();
    }

    private async Task<string?> BannerAfterAsync(PageClient client, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, page) = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        return BannerText(page);
    }

    [Fact]
    public async Task ScreeningPage_ForANewContact_HasASummaryAndSectionsReachedBySubNavigation()
    {
        var (contactId, _) = await ContactAsync("Summer");
        var screener = await SignInAsync("staffs.screener");

        var (_, page) = await screener.GetPageAsync($"/Screening/{contactId}");

        var summary = page.QuerySelector("#summary [data-testid=case-summary]")!;
        Assert.Contains($"Summer Screenwell, {FrontDoorData.ChildsAge(factory.Clock.GetUtcNow().UtcDateTime)} years old", summary.QuerySelector("[data-testid=summary-children]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Not rated", summary.QuerySelector("[data-testid=summary-rag]")!.TextContent.Trim());
        Assert.Contains("left", summary.QuerySelector("[data-testid=summary-due]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("None in the last 12 months", summary.QuerySelector("[data-testid=summary-history]")!.TextContent.Trim());
        Assert.Equal("None recorded", summary.QuerySelector("[data-testid=summary-involvement]")!.TextContent.Trim());
        // The referrer's word at intake is recorded as consent still to be confirmed with the family.
        Assert.Equal($"Family's consent: {ConsentNames.ReportedNotConfirmed.ToLowerInvariant()}", summary.QuerySelector("[data-testid=summary-consent]")!.TextContent.Trim());
        var links = page.QuerySelectorAll("nav.moj-sub-navigation[data-testid=case-sections] a.moj-sub-navigation__link").Select(a => a.GetAttribute("href")!).ToList();
        foreach (var anchor in links.Where(l => l.StartsWith('#')))
        {
            Assert.NotNull(page.GetElementById(anchor[1..]));
        }

        Assert.Equal(["#summary", "#concern", "#household", "#history", "#screening", "#consent", "#checks", "#decision", "#case-notes", $"/Screening/{contactId}/Timeline"], links);
        // One form a section at most: the screening form and the checks form are in sections of their own.
        Assert.Single(page.QuerySelectorAll("#screening form[method=post]"));
        Assert.Null(page.QuerySelector("#summary form"));
    }

    [Fact]
    public async Task SaveScreeningAndRequestChecks_WhenTheyWork_EachShowASuccessBannerWithTheReference()
    {
        var (contactId, reference) = await ContactAsync("Bannerly");
        var screener = await SignInAsync("staffs.screener");

        var saved = await BannerAfterAsync(screener, await screener.PostFormAsync($"/Screening/{contactId}", ScreeningTests.ScreeningForm(), $"/Screening/{contactId}?handler=Screen"));
        var requested = await BannerAfterAsync(screener, await RequestAsync(screener, contactId, Police, Health));
        var (_, again) = await screener.GetPageAsync($"/Screening/{contactId}");

        Assert.StartsWith($"Screening saved for contact {reference}.", saved, StringComparison.Ordinal);
        Assert.Equal($"Checks requested for contact {reference} from {Health} and {Police}.", requested);
        // Shown once: the next page has no banner.
        Assert.Null(BannerText(again));
        Assert.Contains("Amber", again.QuerySelector("[data-testid=summary-rag]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAnswerProposeAndApprove_WhenTheyWork_EachShowASuccessBanner()
    {
        var (contactId, reference) = await ContactAsync("Actiona");
        var screener = await SignInAsync("staffs.screener");
        await ScreenAsync(screener, contactId);
        await RequestAsync(screener, contactId, Police);
        var checkId = await CheckIdAsync(contactId, Police);
        var police = await SignInAsync("staffs.police");

        var answered = await BannerAfterAsync(police, await police.PostFormAsync($"/Checks/{checkId}", await CheckForms.NothingHeldAsync(factory, checkId)));
        var proposed = await BannerAfterAsync(screener, await screener.PostFormAsync($"/Decisions/Propose/{contactId}",
            [new("Outcome", "EarlyHelp"), new("Rationale", "Needs met by early help (fictional)."), new("PrimaryNeed", "N4")]));
        var decisionId = await factory.WithDbAsync(db => db.Decisions.IgnoreQueryFilters().Where(d => d.ContactId == contactId).Select(d => d.Id).SingleAsync());
        var manager = await SignInAsync("staffs.manager");
        var approved = await BannerAfterAsync(manager, await manager.PostFormAsync($"/Decisions/{decisionId}", [], $"/Decisions/{decisionId}?handler=Approve"));

        Assert.StartsWith($"Answer sent for contact {reference}.", answered, StringComparison.Ordinal);
        Assert.StartsWith($"Decision proposed for contact {reference}: Early help", proposed, StringComparison.Ordinal);
        Assert.StartsWith($"Decision approved for contact {reference}: Early help", approved, StringComparison.Ordinal);
        // Queued, not sent: only the outbox sender may say sent, once the mail server accepted the message.
        Assert.Contains("Feedback to the referrer is queued to be sent", approved, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProposeAndApprovePages_WithAPoliceAnswer_ShowTheAnswersButNotAnItemForThePoliceOnly()
    {
        var (contactId, _) = await ContactAsync("Proposa");
        var screener = await SignInAsync("staffs.screener");
        await ScreenAsync(screener, contactId);
        await RequestAsync(screener, contactId, Police, Health);
        var checkId = await CheckIdAsync(contactId, Police);
        var police = await SignInAsync("staffs.police");
        await police.PostFormAsync($"/Checks/{checkId}", await CheckForms.HeldAboutFirstChildAsync(factory, checkId, "Domestic incident attended (fictional)",
            ("Incident at the home in March (fictional)", []),
            ("Ongoing covert enquiry (fictional)", ["SupplyingAgencyOnly"])));

        var (_, propose) = await screener.GetPageAsync($"/Decisions/Propose/{contactId}");
        await screener.PostFormAsync($"/Decisions/Propose/{contactId}", [new("Outcome", "ChildInNeedAssessment"), new("Rationale", "Partner information (fictional)."), new("PrimaryNeed", "N1")]);
        var decisionId = await factory.WithDbAsync(db => db.Decisions.IgnoreQueryFilters().Where(d => d.ContactId == contactId).Select(d => d.Id).SingleAsync());
        var manager = await SignInAsync("staffs.manager");
        var (_, approve) = await manager.GetPageAsync($"/Decisions/{decisionId}");

        foreach (var page in new[] { propose, approve })
        {
            var answer = page.QuerySelector($"[data-testid=partner-answers] [data-testid=answer][data-agency='{Police}']")!;
            Assert.Contains("Answered by Demo Police Researcher (Staffordshire)", answer.TextContent, StringComparison.Ordinal);
            Assert.Contains("Holds information", answer.QuerySelector("[data-testid=held]")!.TextContent, StringComparison.Ordinal);
            Assert.Contains("Incident at the home in March", answer.TextContent, StringComparison.Ordinal);
            Assert.Equal($"1 item withheld by {Police}", answer.QuerySelector("[data-testid=withheld]")?.TextContent);
            Assert.DoesNotContain("covert enquiry", page.Body!.TextContent, StringComparison.Ordinal);
            Assert.Contains("Not answered yet", page.QuerySelector($"[data-testid=answer][data-agency='{Health}']")!.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ChaseButton_ForAnOverdueCheckPostedTwice_QueuesOneChaserToTheAgencyAddress()
    {
        var (contactId, reference) = await ContactAsync("Chasey");
        var screener = await SignInAsync("staffs.screener");
        await ScreenAsync(screener, contactId);
        await RequestAsync(screener, contactId, Police);
        var checkId = await CheckIdAsync(contactId, Police);
        await MakeOverdueAsync(checkId);
        var (_, page) = await screener.GetPageAsync($"/Screening/{contactId}");
        var form = page.QuerySelector($"#checks [data-agency='{Police}'] form[action*='handler=Chase']")!;
        Assert.NotNull(form.QuerySelector("button[data-testid=chase]"));
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
            new(FormTokenTagHelper.FieldName, form.QuerySelector($"input[name={FormTokenTagHelper.FieldName}]")!.GetAttribute("value")!),
            new("checkId", checkId.ToString()),
        };

        var first = await screener.Http.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative), new FormUrlEncodedContent(fields));
        var repeat = await screener.Http.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative), new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, repeat.StatusCode);
        var (_, after) = await screener.GetPageAsync(first.Headers.Location!.OriginalString);
        var banner = BannerText(after);
        Assert.StartsWith($"Chaser queued to {Police} for contact {reference}.", banner, StringComparison.Ordinal);
        Assert.DoesNotContain(" sent", banner, StringComparison.Ordinal);
        var messages = await factory.WithDbAsync(db => db.Outbox.IgnoreQueryFilters().Where(o => o.ContactId == contactId && o.Kind == MessageKinds.CheckChase).ToListAsync());
        var message = Assert.Single(messages);
        var address = await factory.WithDbAsync(db => db.Agencies.Where(a => a.Name == Police).Select(a => a.EmailAddress).SingleAsync());
        Assert.False(string.IsNullOrWhiteSpace(address));
        Assert.Equal(address, message.ToAddress);
        Assert.Equal(DeliveryState.Queued, message.State);
        Assert.Equal(checkId, message.RecordId);
        Assert.DoesNotContain("Chasey", message.Body, StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Checks.IgnoreQueryFilters().Where(c => c.Id == checkId).Select(c => c.ChaseCount).SingleAsync()));
        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditActions.ChaseMultiAgencyCheckByHand && a.TargetId == checkId.ToString()).ToListAsync());
        Assert.Equal("staffs.screener", Assert.Single(audit).UserName);
        Assert.StartsWith("Chased once by e-mail", after.QuerySelector($"[data-agency='{Police}'] [data-testid=chases]")!.TextContent, StringComparison.Ordinal);
        var (_, timeline) = await screener.GetPageAsync($"/Screening/{contactId}/Timeline");
        var item = timeline.QuerySelectorAll("[data-testid=timeline] .moj-timeline__item").Single(i => i.TextContent.Contains($"Chase to {Police} queued", StringComparison.Ordinal));
        Assert.Contains("by Demo Screener", item.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChaseButton_ForACheckNotYetDue_IsNotShownAndAPostQueuesNothing()
    {
        var (contactId, _) = await ContactAsync("Notyet");
        var screener = await SignInAsync("staffs.screener");
        await ScreenAsync(screener, contactId);
        await RequestAsync(screener, contactId, Police);
        var checkId = await CheckIdAsync(contactId, Police);

        var (_, page) = await screener.GetPageAsync($"/Screening/{contactId}");
        var response = await screener.PostFormAsync($"/Screening/{contactId}", [new("checkId", checkId.ToString())], $"/Screening/{contactId}?handler=Chase");

        Assert.Null(page.QuerySelector("[data-testid=chase]"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("cannot be chased yet", (await PageClient.ParseAsync(response)).QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Outbox.IgnoreQueryFilters().AnyAsync(o => o.ContactId == contactId && o.Kind == MessageKinds.CheckChase)));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Checks.IgnoreQueryFilters().Where(c => c.Id == checkId).Select(c => c.ChaseCount).SingleAsync()));
    }

    [Fact]
    public async Task ContactRecordedPage_ForAScreener_LinksToScreeningThatContact()
    {
        var (contactId, reference) = await ContactAsync("Recorda");
        var screener = await SignInAsync("staffs.screener");
        var referrer = await SignInAsync("staffs.referrer");

        var (_, page) = await screener.GetPageAsync($"/Contacts/New/Done/{contactId}");
        var (refused, _) = await referrer.GetPageAsync($"/Contacts/New/Done/{contactId}");

        var link = page.QuerySelector("[data-testid=screen-link]")!;
        Assert.Equal($"/Screening/{contactId}", link.GetAttribute("href"));
        Assert.Contains(reference, link.TextContent, StringComparison.Ordinal);
        var (screening, _) = await screener.GetPageAsync(link.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, screening.StatusCode);
        // A referrer never reaches the page, so is never offered a link they would be refused.
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}
