using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Features.Screening;

/// <summary>The queue a screener works from: its columns, order, filter, allocation, "my work" and the team workload.</summary>
public sealed class QueueTests(OpenMashFactory factory) : IClassFixture<OpenMashFactory>
{
    private async Task<PageClient> SignedInAsync(string user)
    {
        var client = new PageClient(factory.CreateBrowserlessClient());
        await client.SignInAsDemoAsync(user);
        return client;
    }

    private static IElement? Row(IDocument page, Guid contactId) =>
        page.QuerySelectorAll("[data-testid=queue] tbody tr").FirstOrDefault(r => r.GetAttribute("data-contact") == contactId.ToString());

    private static List<string?> RowIds(IDocument page) =>
        page.QuerySelectorAll("[data-testid=queue] tbody tr").Select(r => r.GetAttribute("data-contact")).ToList();

    private async Task<Guid> ContactAsync(string given, string family, DateTime? received = null)
    {
        var hub = await FrontDoorData.HubIdAsync(factory);
        return (await FrontDoorData.ContactAsync(factory, hub, [FrontDoorData.Child(given, family)], received)).ContactId;
    }

    private Task<HttpResponseMessage> AllocateAsync(PageClient manager, Guid contactId, Guid workerId) =>
        manager.PostFormAsync($"/Screening/{contactId}/Allocate", [new("WorkerId", workerId.ToString())]);

    [Fact]
    public async Task Queue_OverdueRedAndEarlierUnscreened_PutsTheOverdueRedFirst()
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var unscreened = await ContactAsync("Una", "Earlier", now.AddDays(-10).AddHours(-1));
        var red = await ContactAsync("Ruby", "Overdue", now.AddDays(-10));
        var screener = await SignedInAsync("staffs.screener");
        Assert.Equal(HttpStatusCode.Redirect, (await screener.PostFormAsync($"/Screening/{red}", ScreeningTests.ScreeningForm("Red"), $"/Screening/{red}?handler=Screen")).StatusCode);

        var (_, page) = await screener.GetPageAsync("/Screening");

        var ids = RowIds(page);
        Assert.True(ids.IndexOf(red.ToString()) < ids.IndexOf(unscreened.ToString()), "the overdue red contact must sit above the earlier unscreened one");
        var row = Row(page, red)!;
        Assert.Contains("overdue by", row.QuerySelector("[data-testid=overdue]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"Ruby Overdue, {FrontDoorData.ChildsAge(factory.Clock.GetUtcNow().UtcDateTime)} years old", row.QuerySelector("[data-testid=children]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Neglect", row.QuerySelector("[data-testid=concerns]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Schools, by phone", row.QuerySelector("[data-testid=source]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Not allocated", row.QuerySelector("[data-testid=allocated]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Red", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueueFilter_EachFilter_NarrowsTheRows()
    {
        var red = await ContactAsync("Rita", "Filtered");
        var plain = await ContactAsync("Paul", "Filtered");
        var screener = await SignedInAsync("staffs.screener");
        await screener.PostFormAsync($"/Screening/{red}", ScreeningTests.ScreeningForm("Red"), $"/Screening/{red}?handler=Screen");
        var manager = await SignedInAsync("staffs.manager");
        var senior = await FrontDoorData.UserIdAsync(factory, "staffs.senior");
        Assert.Equal(HttpStatusCode.Redirect, (await AllocateAsync(manager, plain, senior)).StatusCode);

        var (_, byRag) = await screener.GetPageAsync("/Screening?rag=red");
        var (_, byState) = await screener.GetPageAsync("/Screening?state=screening");
        var (_, byWorker) = await screener.GetPageAsync($"/Screening?allocated={senior}");
        var (_, unallocated) = await screener.GetPageAsync("/Screening?allocated=unallocated");
        var (_, bySource) = await screener.GetPageAsync("/Screening?source=police");
        var (_, overdue) = await screener.GetPageAsync("/Screening?overdue=true");

        Assert.NotNull(Row(byRag, red));
        Assert.Null(Row(byRag, plain));
        Assert.NotNull(Row(byState, plain));
        Assert.NotNull(Row(byWorker, plain));
        Assert.Null(Row(byWorker, red));
        Assert.NotNull(Row(unallocated, red));
        Assert.Null(Row(unallocated, plain));
        Assert.Null(Row(bySource, plain));
        Assert.Null(Row(overdue, plain));
        Assert.NotNull(byRag.QuerySelector("[data-testid=selected-filters]"));
    }

    [Theory]
    [InlineData("rag=purple", "#rag")]
    [InlineData("state=closed", "#state")]
    [InlineData("allocated=somebody", "#allocated")]
    [InlineData("source=pigeon", "#source")]
    [InlineData("overdue=maybe", "#overdue")]
    public async Task QueueFilter_UnknownValue_ShowsAnErrorSummaryNotAFailure(string query, string field)
    {
        var screener = await SignedInAsync("staffs.screener");

        var (response, page) = await screener.GetPageAsync($"/Screening?{query}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([field], page.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")).ToList());
    }

    [Fact]
    public async Task Allocate_ByAManager_ShowsOnTheRowTheTimelineAndTheAudit()
    {
        var contactId = await ContactAsync("Alma", "Allocated");
        var manager = await SignedInAsync("staffs.manager");
        var screenerId = await FrontDoorData.UserIdAsync(factory, "staffs.screener");
        var seniorId = await FrontDoorData.UserIdAsync(factory, "staffs.senior");

        Assert.Equal(HttpStatusCode.Redirect, (await AllocateAsync(manager, contactId, screenerId)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AllocateAsync(manager, contactId, seniorId)).StatusCode);

        var (_, queue) = await manager.GetPageAsync("/Screening");
        Assert.Contains("Demo Senior Practitioner", Row(queue, contactId)!.QuerySelector("[data-testid=allocated]")!.TextContent, StringComparison.Ordinal);
        var (_, timeline) = await manager.GetPageAsync($"/Screening/{contactId}/Timeline");
        Assert.Contains("Allocated to Demo Screener", timeline.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Reallocated to Demo Senior Practitioner", timeline.Body!.TextContent, StringComparison.Ordinal);
        var history = await factory.WithDbAsync(db => db.ContactAllocations.IgnoreQueryFilters().Where(a => a.ContactId == contactId).OrderBy(a => a.AllocatedAtUtc).ThenBy(a => a.FromUserId == null ? 0 : 1).ToListAsync());
        Assert.Equal(2, history.Count);
        Assert.Equal(screenerId, history[1].FromUserId);
        Assert.Equal(seniorId, history[1].ToUserId);
        var audits = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditActions.AllocateContact && a.TargetId == contactId.ToString() && a.Outcome == AuditOutcome.Allowed).ToListAsync());
        Assert.Equal(2, audits.Count);
        Assert.Contains(audits, a => a.Detail!.Contains("Reallocated from Demo Screener", StringComparison.Ordinal) && a.UserName == "staffs.manager");
        Assert.Equal(seniorId, (await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().SingleAsync(c => c.Id == contactId))).AllocatedToUserId);
    }

    [Fact]
    public async Task TakeThisContact_ByAScreener_AllocatesItToThemselves()
    {
        var contactId = await ContactAsync("Tess", "Taken");
        var screener = await SignedInAsync("staffs.screener");
        var (_, form) = await screener.GetPageAsync($"/Screening/{contactId}/Allocate");
        Assert.NotNull(form.QuerySelector("[data-testid=take]"));
        Assert.Null(form.QuerySelector("[data-testid=allocate]"));

        var response = await screener.PostFormAsync($"/Screening/{contactId}/Allocate", [], $"/Screening/{contactId}/Allocate?handler=Take");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(await FrontDoorData.UserIdAsync(factory, "staffs.screener"), (await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().SingleAsync(c => c.Id == contactId))).AllocatedToUserId);
    }

    [Fact]
    public async Task Allocate_ByAScreenerToSomeoneElse_IsRefused()
    {
        var contactId = await ContactAsync("Sara", "Selfonly");
        var screener = await SignedInAsync("staffs.screener");

        var response = await AllocateAsync(screener, contactId, await FrontDoorData.UserIdAsync(factory, "staffs.senior"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null((await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().SingleAsync(c => c.Id == contactId))).AllocatedToUserId);
    }

    [Fact]
    public async Task Allocate_ToAnotherHubsWorker_IsRefusedAndAudited()
    {
        var contactId = await ContactAsync("Hattie", "Otherhub");
        var manager = await SignedInAsync("staffs.manager");

        var response = await AllocateAsync(manager, contactId, await FrontDoorData.UserIdAsync(factory, "stoke.screener"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var page = await PageClient.ParseAsync(response);
        Assert.Contains("own hub", page.QuerySelector("[data-testid=refusal-reason]")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().SingleAsync(c => c.Id == contactId))).AllocatedToUserId);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.AllocateContact && a.TargetId == contactId.ToString() && a.Outcome == AuditOutcome.Refused)));
    }

    [Fact]
    public async Task Allocate_ADecidedContact_IsRefused()
    {
        var hub = await FrontDoorData.HubIdAsync(factory);
        var contactId = await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().Where(c => c.HubId == hub && c.State == ContactState.Decided).Select(c => c.Id).FirstAsync());
        var manager = await SignedInAsync("staffs.manager");

        var response = await AllocateAsync(manager, contactId, await FrontDoorData.UserIdAsync(factory, "staffs.screener"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.ContactAllocations.IgnoreQueryFilters().AnyAsync(a => a.ContactId == contactId)));
    }

    [Fact]
    public void AllocateMethod_ForADecidedContactOrAnotherHub_Throws()
    {
        var hub = Guid.NewGuid();
        var contact = new Contact { Id = Guid.NewGuid(), HubId = hub, Reference = "T-1", ReferrerName = "R", WhatHappened = "W (fictional)" };
        var other = new AppUser { Id = Guid.NewGuid(), HubId = Guid.NewGuid(), DisplayName = "Other hub" };
        var same = new AppUser { Id = Guid.NewGuid(), HubId = hub, DisplayName = "Same hub" };

        Assert.Throws<InvalidOperationException>(() => contact.Allocate(other, Guid.NewGuid(), DateTime.UtcNow));
        var first = contact.Allocate(same, Guid.NewGuid(), DateTime.UtcNow);
        Assert.Null(first.FromUserId);
        Assert.Throws<InvalidOperationException>(() => contact.Allocate(same, Guid.NewGuid(), DateTime.UtcNow));
    }

    [Fact]
    public async Task MyWork_ForAScreener_ListsOnlyTheirOwnContacts()
    {
        var mine = await ContactAsync("Milo", "Mine");
        var theirs = await ContactAsync("Theo", "Theirs");
        var manager = await SignedInAsync("staffs.manager");
        await AllocateAsync(manager, mine, await FrontDoorData.UserIdAsync(factory, "staffs.screener"));
        await AllocateAsync(manager, theirs, await FrontDoorData.UserIdAsync(factory, "staffs.senior"));
        var screener = await SignedInAsync("staffs.screener");

        var (_, page) = await screener.GetPageAsync("/MyWork");

        Assert.NotNull(Row(page, mine));
        Assert.Null(Row(page, theirs));
        var owner = await FrontDoorData.UserIdAsync(factory, "staffs.screener");
        var allocated = await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().Where(c => c.AllocatedToUserId == owner && c.State != ContactState.Decided).CountAsync());
        Assert.Equal(allocated, RowIds(page).Count);
    }

    [Fact]
    public async Task Workload_ForAManager_CountsEachWorkersOpenAndOverdueContacts()
    {
        var contactId = await ContactAsync("Wendy", "Workload", factory.Clock.GetUtcNow().UtcDateTime.AddDays(-10));
        var manager = await SignedInAsync("staffs.manager");
        var senior = await FrontDoorData.UserIdAsync(factory, "staffs.senior");
        await AllocateAsync(manager, contactId, senior);
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var expected = await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().Where(c => c.AllocatedToUserId == senior && c.State != ContactState.Decided)
            .GroupBy(c => 1).Select(g => new { Open = g.Count(), Overdue = g.Count(c => c.DecisionDueUtc < now) }).SingleAsync());
        var hub = await FrontDoorData.HubIdAsync(factory);
        var unallocated = await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().CountAsync(c => c.HubId == hub && c.AllocatedToUserId == null && c.State != ContactState.Decided));

        var (_, page) = await manager.GetPageAsync("/Screening/Workload");

        var row = page.QuerySelectorAll("[data-testid=workload] tbody tr").Single(r => r.GetAttribute("data-worker") == senior.ToString());
        Assert.Equal(expected.Open.ToString(System.Globalization.CultureInfo.InvariantCulture), row.QuerySelector("[data-testid=open] a")!.FirstChild!.TextContent);
        Assert.Equal(expected.Overdue.ToString(System.Globalization.CultureInfo.InvariantCulture), row.QuerySelector("[data-testid=overdue] a")!.FirstChild!.TextContent);
        Assert.True(expected.Overdue >= 1);
        var none = page.QuerySelectorAll("[data-testid=workload] tbody tr").Single(r => r.GetAttribute("data-worker") == "unallocated");
        Assert.Equal(unallocated.ToString(System.Globalization.CultureInfo.InvariantCulture), none.QuerySelector("[data-testid=open] a")!.FirstChild!.TextContent);
        Assert.Equal($"/Screening?allocated={senior}&overdue=true", row.QuerySelector("[data-testid=overdue] a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Workload_ForAScreener_IsRefused()
    {
        var screener = await SignedInAsync("staffs.screener");

        Assert.Equal(HttpStatusCode.Forbidden, (await screener.Http.GetAsync(new Uri("/Screening/Workload", UriKind.Relative))).StatusCode);
    }
}
