using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Features.Access;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Features.Access;

/// <summary>
/// Break glass: a Staffordshire screener, whose agreement gives only existence of the Stoke-on-Trent record, opens
/// it for a limited time with a recorded reason; Stoke-on-Trent's managers are told and IG officers review it.
/// </summary>
public sealed class BreakGlassTests(OpenMashFactory factory) : IClassFixture<OpenMashFactory>
{
    [Fact]
    public async Task BreakGlass_WithoutAReasonOrExplanation_IsRefusedAndAudited()
    {
        var child = await AccessData.SharedChildAsync(factory, "STAFFS");
        var screener = await AccessData.SignInAsync(factory, "staffs.screener");
        var grantsBefore = await factory.WithDbAsync(db => db.Set<BreakGlassGrant>().CountAsync());

        var response = await screener.PostFormAsync($"/Access/BreakGlass/{child}", [new("Reason", ""), new("Justification", " ")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageClient.ParseAsync(response);
        var summary = page.QuerySelector(".govuk-error-summary")!.TextContent;
        Assert.Contains("Select why you need the other hub's records now", summary, StringComparison.Ordinal);
        Assert.Contains("Explain what is happening", summary, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#Justification-error"));
        Assert.Equal(grantsBefore, await factory.WithDbAsync(db => db.Set<BreakGlassGrant>().CountAsync()));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.BreakGlass && e.Outcome == AuditOutcome.Refused && e.UserName == "staffs.screener")));
    }

    [Theory]
    [InlineData("staffs.referrer")]
    [InlineData("staffs.police")]
    [InlineData("staffs.ig")]
    public async Task BreakGlass_ByARoleWithoutCaseWork_IsRefusedAndAudited(string user)
    {
        var child = await AccessData.SharedChildAsync(factory, "STAFFS");
        var client = await AccessData.SignInAsync(factory, user);

        var response = await client.Http.GetAsync(new Uri($"/Access/BreakGlass/{child}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var row = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.AccessRefused && e.UserName == user && e.TargetId == $"/Access/BreakGlass/{child}"));
        Assert.Contains(child.ToString(), row.Subjects, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BreakGlass_WithAReason_OpensTheOtherHubsRecordReadOnlyTellsItsManagersIsReviewedShowsInAccessHistoryAndExpires()
    {
        var child = await AccessData.SharedChildAsync(factory, "STAFFS");
        var stokeChild = await AccessData.SharedChildAsync(factory, "STOKE");
        var stokeReference = await AccessData.ContactReferenceAsync(factory, stokeChild);
        var screener = await AccessData.SignInAsync(factory, "staffs.screener");
        var (_, before) = await screener.GetPageAsync($"/People/{child}");
        Assert.NotNull(before.QuerySelector("[data-testid=break-glass-link]"));
        Assert.DoesNotContain(stokeReference, before.Body!.TextContent, StringComparison.Ordinal);

        var response = await screener.PostFormAsync($"/Access/BreakGlass/{child}", [
            new("Reason", nameof(BreakGlassReason.ChildMissing)),
            new("Justification", "Fictional: missing since last night, police asking for last known addresses."),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var grant = await factory.WithDbAsync(db => db.Set<BreakGlassGrant>().SingleAsync(g => g.PersonId == child));
        Assert.Equal(BreakGlassService.GrantMinutes, (grant.ExpiresAtUtc - grant.GrantedAtUtc).TotalMinutes, 3);
        Assert.Contains(stokeChild, grant.MatchedIds);

        // While the grant is live: the other hub's record, read only, each view audited as break-glass with the grant.
        var (_, during) = await screener.GetPageAsync($"/People/{child}");
        var card = during.QuerySelector("[data-testid=other-hub-content]")!;
        Assert.Equal("BreakGlass", card.GetAttribute("data-access"));
        Assert.Contains(stokeReference, card.TextContent, StringComparison.Ordinal);
        Assert.Contains("Break-glass access until", card.TextContent, StringComparison.Ordinal);
        Assert.Empty(card.QuerySelectorAll("form, input, button"));
        var views = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.ViewOtherHubPerson && e.UserName == "staffs.screener").ToListAsync());
        var view = Assert.Single(views);
        Assert.Equal("break-glass", view.Purpose);
        Assert.Contains(grant.Id.ToString(), view.Detail, StringComparison.Ordinal);

        // The owning hub's managers: a notice on their home page and an e-mail in the outbox; not Staffordshire's.
        var stokeManager = await AccessData.SignInAsync(factory, "stoke.manager");
        var (_, home) = await stokeManager.GetPageAsync("/");
        Assert.Contains(grant.Id.ToString(), home.QuerySelector("[data-testid=access-notices]")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("The child is missing", home.QuerySelector("[data-testid=access-notices]")!.TextContent, StringComparison.Ordinal);
        var mail = await factory.WithDbAsync(db => db.Outbox.IgnoreQueryFilters().Where(o => o.Kind == BreakGlassService.NoticeKind && o.Body.Contains(grant.Id.ToString())).Select(o => o.ToAddress).ToListAsync());
        Assert.Equal(["stoke.manager@demo.openmash.example"], mail);
        var (_, staffsHome) = await (await AccessData.SignInAsync(factory, "staffs.manager")).GetPageAsync("/");
        Assert.Null(staffsHome.QuerySelector("[data-testid=access-notices]"));

        // The owning hub's manager sees the break-glass reads in the child's access history.
        var (historyResponse, history) = await stokeManager.GetPageAsync($"/Access/History/{stokeChild}");
        Assert.Equal(HttpStatusCode.OK, historyResponse.StatusCode);
        var rows = history.QuerySelectorAll("[data-testid=access-row]").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("staffs.screener", StringComparison.Ordinal) && r.Contains(AuditActions.DisplayName(AuditActions.ViewOtherHubPerson), StringComparison.Ordinal) && r.Contains("break-glass", StringComparison.Ordinal));

        // The requesting hub's IG officer reviews it (a review needs notes and then moves it to reviewed); the owning
        // hub's IG officer sees it read only, without the explanation.
        var stokeIg = await AccessData.SignInAsync(factory, "stoke.ig");
        var (_, list) = await stokeIg.GetPageAsync("/Access/Reviews");
        Assert.Null(list.QuerySelector($"[data-testid=grant-waiting][data-grant='{grant.Id}']"));
        Assert.NotNull(list.QuerySelector($"[data-testid=grants-of-our-records] [data-grant='{grant.Id}']"));
        var staffsIg = await AccessData.SignInAsync(factory, "staffs.ig");
        var (_, staffsList) = await staffsIg.GetPageAsync("/Access/Reviews");
        Assert.NotNull(staffsList.QuerySelector($"[data-testid=grant-waiting][data-grant='{grant.Id}']"));
        var empty = await staffsIg.PostFormAsync("/Access/Reviews", [new("grantId", grant.Id.ToString()), new($"Notes_{grant.Id:N}", "")]);
        Assert.Contains("Enter the outcome of your review", (await PageClient.ParseAsync(empty)).QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await staffsIg.PostFormAsync("/Access/Reviews", [new("grantId", grant.Id.ToString()), new($"Notes_{grant.Id:N}", "Justified: child reported missing to police.")])).StatusCode);
        var (_, reviewed) = await staffsIg.GetPageAsync("/Access/Reviews");
        Assert.Null(reviewed.QuerySelector($"[data-testid=grant-waiting][data-grant='{grant.Id}']"));
        Assert.Contains("Justified: child reported missing", reviewed.QuerySelector("[data-testid=grants-reviewed]")?.TextContent, StringComparison.Ordinal);

        // The owning hub's subject access export lists the read as a disclosure, naming the organisation, not the person.
        var (_, sar) = await stokeIg.GetPageAsync($"/Access/SubjectAccess/{stokeChild}");
        var disclosures = sar.QuerySelector("[data-testid=sar-preview]")!.TextContent;
        Assert.Contains("Your information read by the other hub", disclosures, StringComparison.Ordinal);
        Assert.Contains("Emergency (break-glass) access", disclosures, StringComparison.Ordinal);
        Assert.Contains("Staffordshire County Council Children's Social Care", disclosures, StringComparison.Ordinal);

        // After expiry (the stored expiry moved into the past; moving the clock would also end the sign-in): existence only again.
        await factory.WithDbAsync(db => db.Set<BreakGlassGrant>().Where(g => g.Id == grant.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.ExpiresAtUtc, factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1))));
        var (_, afterExpiry) = await screener.GetPageAsync($"/People/{child}");
        Assert.Empty(afterExpiry.QuerySelectorAll("[data-testid=other-hub-content]"));
        Assert.NotNull(afterExpiry.QuerySelector("[data-testid=other-hub-existence]"));
        Assert.DoesNotContain(stokeReference, afterExpiry.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccessHistory_ByRoleAndHub_IsOpenOnlyToManagersAndIgOfTheChildsHub()
    {
        var stokeChild = await AccessData.SharedChildAsync(factory, "STOKE");
        var screener = await AccessData.SignInAsync(factory, "stoke.screener");
        await screener.GetPageAsync($"/People/{stokeChild}");
        Assert.Equal(HttpStatusCode.Forbidden, (await screener.Http.GetAsync(new Uri($"/Access/History/{stokeChild}", UriKind.Relative))).StatusCode);

        var otherHubManager = await AccessData.SignInAsync(factory, "staffs.manager");
        Assert.Equal(HttpStatusCode.NotFound, (await otherHubManager.Http.GetAsync(new Uri($"/Access/History/{stokeChild}", UriKind.Relative))).StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.ViewAccessHistory && e.Outcome == AuditOutcome.Refused && e.UserName == "staffs.manager")));

        var (response, page) = await (await AccessData.SignInAsync(factory, "stoke.ig")).GetPageAsync($"/Access/History/{stokeChild}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(page.QuerySelectorAll("[data-testid=access-row]"), r => r.TextContent.Contains("stoke.screener", StringComparison.Ordinal) && r.TextContent.Contains(AuditActions.DisplayName(AuditActions.ViewPerson), StringComparison.Ordinal));
    }

    [Fact]
    public async Task AccessHistory_WithMoreReadsThanAPage_IsPaginated()
    {
        var stokeChild = await AccessData.SharedChildAsync(factory, "STOKE");
        var screener = await AccessData.SignInAsync(factory, "stoke.screener");
        for (var i = 0; i < HistoryPageSize + 2; i++)
        {
            await screener.GetPageAsync($"/People/{stokeChild}");
        }

        var manager = await AccessData.SignInAsync(factory, "stoke.manager");
        var (_, first) = await manager.GetPageAsync($"/Access/History/{stokeChild}");
        Assert.Equal(HistoryPageSize, first.QuerySelectorAll("[data-testid=access-row]").Length);
        Assert.NotNull(first.QuerySelector(".govuk-pagination__next a"));
        var (_, second) = await manager.GetPageAsync($"/Access/History/{stokeChild}?page=2");
        Assert.NotEmpty(second.QuerySelectorAll("[data-testid=access-row]"));
        Assert.Contains("page 2 of", second.QuerySelector("caption")!.TextContent, StringComparison.Ordinal);
    }

    private const int HistoryPageSize = Web.Features.Access.HistoryModel.PageSize;
}
