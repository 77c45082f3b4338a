using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Features.Screening;

public sealed class ScreeningTests(OpenMashFactory factory) : IClassFixture<OpenMashFactory>
{
    private static readonly DateTime WednesdayTenAm = new(2026, 11, 18, 10, 0, 0, DateTimeKind.Utc);

    public static KeyValuePair<string, string>[] ScreeningForm(string rag = "Amber", string consent = "AboveThreshold", bool noChecks = false, string threshold = "ChildInNeed") =>
    [
        new("Rag", rag), new("Threshold", threshold), new("ThresholdRationale", "Persistent neglect indicators (fictional)."),
        new("ChildSpokenTo", "true"), new("ChildViewsOrReason", "Says she is often hungry at home (fictional)."),
        new("ConsentView", consent), new("ConsentRationale", "Consent position recorded (fictional)."),
        new("LawfulBasis", "PublicTask"),
        .. consent == "AboveThreshold" ? new KeyValuePair<string, string>[] { new("WithoutConsentReason", "WouldPrejudiceProtection") } : [],
        .. noChecks ? new KeyValuePair<string, string>[] { new("NoChecksNeeded", "true") } : [],
    ];

    [Fact]
    public async Task Screening_AmberReceivedWednesdayTenAm_MakesTheDecisionDueThursdayTenAm()
    {
        var hub = await FrontDoorData.HubIdAsync(factory);
        var (contactId, people) = await FrontDoorData.ContactAsync(factory, hub, [FrontDoorData.Child("Ava", "Amberfield")], WednesdayTenAm);
        var screener = new PageClient(factory.CreateBrowserlessClient());
        await screener.SignInAsDemoAsync("staffs.screener");

        var response = await screener.PostFormAsync($"/Screening/{contactId}", ScreeningForm(), $"/Screening/{contactId}?handler=Screen");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var contact = await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().SingleAsync(c => c.Id == contactId));
        Assert.Equal(RagRating.Amber, contact.Rag);
        Assert.Equal(new DateTime(2026, 11, 19, 10, 0, 0), contact.DecisionDueUtc);
        Assert.Equal(new DateTime(2026, 11, 18, 14, 0, 0), contact.ChecksDueUtc);
        Assert.NotNull(contact.ScreenedAtUtc);
        Assert.Equal(ContactState.AwaitingScreening, contact.State);
        Assert.True(await factory.WithDbAsync(db => db.Screenings.IgnoreQueryFilters().AnyAsync(s => s.ContactId == contactId && s.ThresholdRationale.Contains("neglect"))));
        var views = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditActions.ViewContact && a.TargetId == contactId.ToString() && a.Purpose == "Screening" && a.Outcome == AuditOutcome.Allowed).ToListAsync());
        Assert.NotEmpty(views);
        Assert.All(views, v => Assert.Contains(people[0].ToString(), v.Subjects, StringComparison.Ordinal));
        Assert.All(views, v => Assert.Equal("staffs.screener", v.UserName));
    }

    [Fact]
    public async Task Screening_WithNoPartnerChecksNeeded_MovesStraightToAwaitingDecision()
    {
        var hub = await FrontDoorData.HubIdAsync(factory);
        var (contactId, _) = await FrontDoorData.ContactAsync(factory, hub, [FrontDoorData.Child("Noah", "Nochecks")]);
        var screener = new PageClient(factory.CreateBrowserlessClient());
        await screener.SignInAsDemoAsync("staffs.screener");

        await screener.PostFormAsync($"/Screening/{contactId}", ScreeningForm("Green", noChecks: true), $"/Screening/{contactId}?handler=Screen");

        Assert.Equal(ContactState.AwaitingDecision, await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().Where(c => c.Id == contactId).Select(c => c.State).SingleAsync()));
    }

    [Fact]
    public async Task Screening_WithNothingFilledIn_ListsEveryProblemAndStoresNothing()
    {
        var hub = await FrontDoorData.HubIdAsync(factory);
        var (contactId, _) = await FrontDoorData.ContactAsync(factory, hub, [FrontDoorData.Child("Ella", "Empty")]);
        var screener = new PageClient(factory.CreateBrowserlessClient());
        await screener.SignInAsDemoAsync("staffs.screener");

        var page = await PageClient.ParseAsync(await screener.PostFormAsync($"/Screening/{contactId}", [], $"/Screening/{contactId}?handler=Screen"));

        Assert.Equal(
            ["#Rag", "#Threshold", "#ThresholdRationale", "#ChildSpokenTo", "#ChildViewsOrReason", "#ConsentView", "#ConsentRationale", "#LawfulBasis"],
            page.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")).ToList());
        Assert.False(await factory.WithDbAsync(db => db.Screenings.IgnoreQueryFilters().AnyAsync(s => s.ContactId == contactId)));
    }

    [Fact]
    public async Task History_ListsContactsAboutTheChildAndSiblings_AndFlagsTheThirdIn12Months()
    {
        var hub = await FrontDoorData.HubIdAsync(factory);
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var (old, people) = await FrontDoorData.ContactAsync(factory, hub, [FrontDoorData.Child("Mia", "Historia")], now.AddMonths(-13));
        var mia = people[0];
        var (first, _) = await FrontDoorData.ContactAsync(factory, hub, [FrontDoorData.Existing(mia)], now.AddMonths(-6));
        var (siblings, siblingPeople) = await FrontDoorData.ContactAsync(factory, hub, [FrontDoorData.Child("Leo", "Historia")], now.AddMonths(-2));
        var leo = siblingPeople[0];
        var (unrelated, _) = await FrontDoorData.ContactAsync(factory, hub, [FrontDoorData.Child("Zed", "Otherfamily")], now.AddMonths(-1));

        // Recorded from the sibling's side only: the history must follow the link both ways.
        await FrontDoorData.AddAsync(factory, hub, new PersonRelationship { Id = Guid.NewGuid(), HubId = hub, PersonId = leo, RelatedPersonId = mia, Type = RelationshipType.Sibling });
        var (current, _) = await FrontDoorData.ContactAsync(factory, hub, [FrontDoorData.Existing(mia)], now.AddHours(-1));
        var screener = new PageClient(factory.CreateBrowserlessClient());
        await screener.SignInAsDemoAsync("staffs.screener");

        var (_, page) = await screener.GetPageAsync($"/Screening/{current}");

        var refs = await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().Where(c => new[] { old, first, siblings, unrelated, current }.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Reference));
        var rows = page.QuerySelectorAll("[data-testid=history] tbody tr").Select(r => r.GetAttribute("data-reference")).ToList();
        Assert.Equal([refs[first], refs[siblings], refs[current]], rows);
        var flags = page.QuerySelectorAll("[data-testid=repeat-flag]");
        Assert.Single(flags);
        Assert.Equal("3rd contact in 12 months", flags[0].TextContent);
        Assert.Contains(refs[current], flags[0].ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Leo Historia", page.QuerySelector("[data-testid=history]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScreeningPage_ForAChildAlreadyOpenToATeam_ShowsABannerNamingTheTeamAndWorker()
    {
        var hub = await FrontDoorData.HubIdAsync(factory);
        var (contactId, people) = await FrontDoorData.ContactAsync(factory, hub, [FrontDoorData.Child("Olivia", "Openness")]);
        await FrontDoorData.AddAsync(factory, hub,
            new Involvement { Id = Guid.NewGuid(), HubId = hub, PersonId = people[0], Service = InvolvementService.SocialCare, Team = "North Locality Team", Worker = "Pat Worker", OpenedOn = new DateOnly(2026, 1, 5) },
            new Involvement { Id = Guid.NewGuid(), HubId = hub, PersonId = people[0], Service = InvolvementService.EarlyHelp, Team = "Closed Team", OpenedOn = new DateOnly(2025, 1, 5), ClosedOn = new DateOnly(2025, 6, 1) });
        var screener = new PageClient(factory.CreateBrowserlessClient());
        await screener.SignInAsDemoAsync("staffs.screener");

        var (_, page) = await screener.GetPageAsync($"/Screening/{contactId}");

        var banner = Assert.Single(page.QuerySelectorAll("[data-testid=open-involvement]"));
        Assert.Contains("already open to social care: North Locality Team, worker Pat Worker", banner.TextContent, StringComparison.Ordinal);
        Assert.Contains("Route this contact to Pat Worker", banner.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScreeningPage_WithHouseholdAdults_ListsThemWithAPromptToCheckThem()
    {
        var hub = await FrontDoorData.HubIdAsync(factory);
        var (contactId, people) = await FrontDoorData.ContactAsync(factory, hub,
            [FrontDoorData.Child("Ruby", "Household"), new NewPerson(SubjectRole.HouseholdMember, GivenNames: "Carl", FamilyName: "Lodger")]);
        var parent = new Person { Id = Guid.NewGuid(), HubId = hub, GivenNames = "Dana", FamilyName = "Household", CreatedAtUtc = factory.Clock.GetUtcNow().UtcDateTime };
        await FrontDoorData.AddAsync(factory, hub, parent, new PersonRelationship { Id = Guid.NewGuid(), HubId = hub, PersonId = people[0], RelatedPersonId = parent.Id, Type = RelationshipType.ParentCarer });
        var screener = new PageClient(factory.CreateBrowserlessClient());
        await screener.SignInAsDemoAsync("staffs.screener");

        var (_, page) = await screener.GetPageAsync($"/Screening/{contactId}");

        var adults = page.QuerySelector("[data-testid=adults]")!.TextContent;
        Assert.Contains("Carl Lodger", adults, StringComparison.Ordinal);
        Assert.Contains("Dana Household", adults, StringComparison.Ordinal);
        Assert.Contains("Parent or carer", adults, StringComparison.Ordinal);
        Assert.Contains("Check each adult against partner agencies", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_ListsOpenContactsByDueTime_AndMarksOverdueOnes()
    {
        var hub = await FrontDoorData.HubIdAsync(factory);
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var (late, _) = await FrontDoorData.ContactAsync(factory, hub, [FrontDoorData.Child("Lola", "Late")], now.AddDays(-10));
        var (fresh, _) = await FrontDoorData.ContactAsync(factory, hub, [FrontDoorData.Child("Finn", "Fresh")], now.AddMinutes(-5));
        var screener = new PageClient(factory.CreateBrowserlessClient());
        await screener.SignInAsDemoAsync("staffs.screener");
        await screener.PostFormAsync($"/Screening/{late}", ScreeningForm("Red"), $"/Screening/{late}?handler=Screen");

        var (_, page) = await screener.GetPageAsync("/Screening");

        var rows = page.QuerySelectorAll("[data-testid=queue] tbody tr").ToList();
        var row = Assert.Single(rows, r => r.GetAttribute("data-contact") == late.ToString());
        Assert.NotNull(row.QuerySelector("[data-testid=overdue]"));
        Assert.Contains("Red", row.TextContent, StringComparison.Ordinal);
        var freshRow = Assert.Single(rows, r => r.GetAttribute("data-contact") == fresh.ToString());
        Assert.Null(freshRow.QuerySelector("[data-testid=overdue]"));
        Assert.True(rows.IndexOf(row) < rows.IndexOf(freshRow));
    }

    [Fact]
    public async Task AScreenerOfAnotherHub_Gets404ForThisHubsContactPages_AndTheRefusalIsAudited()
    {
        var hub = await FrontDoorData.HubIdAsync(factory);
        var (contactId, _) = await FrontDoorData.ContactAsync(factory, hub, [FrontDoorData.Child("Hana", "Hubbound")]);
        var stoke = new PageClient(factory.CreateBrowserlessClient());
        await stoke.SignInAsDemoAsync("stoke.screener");

        foreach (var url in new[] { $"/Screening/{contactId}", $"/Screening/{contactId}/Timeline", $"/Decisions/Propose/{contactId}", $"/Decisions/Strategy/{contactId}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await stoke.Http.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        }

        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.TargetId == contactId.ToString() && a.Outcome == AuditOutcome.Refused && a.UserName == "stoke.screener")));
        Assert.False(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.TargetId == contactId.ToString() && a.Outcome == AuditOutcome.Allowed && a.UserName == "stoke.screener")));
    }

    [Fact]
    public async Task ScreeningQueue_ForAResearcher_IsRefused()
    {
        var police = new PageClient(factory.CreateBrowserlessClient());
        await police.SignInAsDemoAsync("staffs.police");

        Assert.Equal(HttpStatusCode.Forbidden, (await police.Http.GetAsync(new Uri("/Screening", UriKind.Relative))).StatusCode);
    }
}
