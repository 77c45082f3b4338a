using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Tests.Features.People;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Features.Access;

/// <summary>
/// What a break-glass grant opens and who reviews it: only the records named on the grant (those the owning hub's
/// managers were told of); only the requesting hub's IG officer reviews, the owning hub's sees it read only without
/// the explanation; every page that shows a child's name or a grant's explanation is audited.
/// </summary>
public sealed class BreakGlassScopeTests(OpenMashFactory factory) : IClassFixture<OpenMashFactory>
{
    private const string Explanation = "Fictional: scope test explanation naming the family's circumstances.";

    [Fact]
    public async Task BreakGlassGrant_WhenTheMatcherFindsAnotherRecordLater_OpensOnlyTheRecordsNamedOnIt()
    {
        var nhs = TestPeople.NhsNumber(512_410_001);
        var local = await TestPeople.AddPersonAsync(factory, "STAFFS", "Orla", "Grantscope", nhs);
        var named = await TestPeople.AddPersonAsync(factory, "STOKE", "Orla", "Grantscope", nhs);
        var grant = await BreakGlassAsync(local.Id);
        Assert.Equal([named.Id], grant.MatchedIds);

        // After the grant, the owning hub records another person with the same NHS number: the matcher now finds it.
        var later = await TestPeople.AddPersonAsync(factory, "STOKE", "Pip", "Latematch", nhs);
        var screener = await AccessData.SignInAsync(factory, "staffs.screener");

        var (_, page) = await screener.GetPageAsync($"/People/{local.Id}");

        var opened = Assert.Single(page.QuerySelectorAll("[data-testid=other-hub-content]"));
        Assert.Equal("BreakGlass", opened.GetAttribute("data-access"));
        Assert.Contains("Orla Grantscope", opened.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Latematch", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("[data-testid=other-hub-existence]"));
        var reads = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.ViewOtherHubPerson && e.UserName == "staffs.screener").Select(e => e.TargetId).ToListAsync());
        Assert.Contains(named.Id.ToString(), reads);
        Assert.DoesNotContain(later.Id.ToString(), reads);
    }

    [Fact]
    public async Task BreakGlassReviews_ForEachHubsIg_RequestingHubReviewsOwningHubSeesWhoWhenAndWhyNotTheExplanationEachListingAudited()
    {
        var nhs = TestPeople.NhsNumber(512_420_001);
        var local = await TestPeople.AddPersonAsync(factory, "STAFFS", "Ness", "Reviewscope", nhs);
        var theirs = await TestPeople.AddPersonAsync(factory, "STOKE", "Ness", "Reviewscope", nhs);
        var grant = await BreakGlassAsync(local.Id);

        var stokeIg = await AccessData.SignInAsync(factory, "stoke.ig");
        var (_, owning) = await stokeIg.GetPageAsync("/Access/Reviews");
        Assert.Null(owning.QuerySelector($"[data-testid=grant-waiting][data-grant='{grant.Id}']"));
        var row = owning.QuerySelector($"[data-testid=grants-of-our-records] [data-grant='{grant.Id}']")!;
        Assert.Contains("The child is missing", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Staffordshire", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(Explanation, owning.Body!.TextContent, StringComparison.Ordinal);

        // The owning hub's IG officer cannot close the requesting hub's review: refused (404, not a form error) and audited.
        var refused = await stokeIg.PostFormAsync("/Access/Reviews", [new("grantId", grant.Id.ToString()), new($"Notes_{grant.Id:N}", "Fictional: closed by the wrong hub.")]);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Null(await factory.WithDbAsync(db => db.Set<BreakGlassGrant>().Where(g => g.Id == grant.Id).Select(g => g.ReviewedAtUtc).SingleAsync()));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.ReviewBreakGlass && e.Outcome == AuditOutcome.Refused && e.UserName == "stoke.ig" && e.TargetId == grant.Id.ToString())));

        var staffsIg = await AccessData.SignInAsync(factory, "staffs.ig");
        var (_, requesting) = await staffsIg.GetPageAsync("/Access/Reviews");
        Assert.Contains(Explanation, requesting.QuerySelector($"[data-testid=grant-waiting][data-grant='{grant.Id}']")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await staffsIg.PostFormAsync("/Access/Reviews", [new("grantId", grant.Id.ToString()), new($"Notes_{grant.Id:N}", "Fictional: justified, reviewed by the requesting hub.")])).StatusCode);
        Assert.NotNull(await factory.WithDbAsync(db => db.Set<BreakGlassGrant>().Where(g => g.Id == grant.Id).Select(g => g.ReviewedAtUtc).SingleAsync()));
        var (_, afterReview) = await stokeIg.GetPageAsync("/Access/Reviews");
        Assert.DoesNotContain("reviewed by the requesting hub", afterReview.Body!.TextContent, StringComparison.Ordinal);

        // Every listing of the grant is an audited read, naming the children it is about.
        var views = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.ViewBreakGlassGrant && e.TargetId == grant.Id.ToString()).ToListAsync());
        Assert.Contains(views, v => v.UserName == "staffs.ig" && v.Subjects!.Contains(local.Id.ToString(), StringComparison.Ordinal));
        Assert.Contains(views, v => v.UserName == "stoke.ig" && v.Subjects!.Contains(theirs.Id.ToString(), StringComparison.Ordinal) && !v.Subjects.Contains(local.Id.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheBreakGlassForm_ShowsTheChildsName_AndEachShowingIsAudited()
    {
        var local = await TestPeople.AddPersonAsync(factory, "STAFFS", "Ida", "Formaudit", TestPeople.NhsNumber(512_430_001));
        var screener = await AccessData.SignInAsync(factory, "staffs.screener");

        var (_, form) = await screener.GetPageAsync($"/Access/BreakGlass/{local.Id}");
        Assert.Contains("Ida Formaudit", form.Body!.TextContent, StringComparison.Ordinal);
        var invalid = await screener.PostFormAsync($"/Access/BreakGlass/{local.Id}", [new("Reason", ""), new("Justification", "")]);
        Assert.Contains("Ida Formaudit", (await PageClient.ParseAsync(invalid)).Body!.TextContent, StringComparison.Ordinal);

        var views = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.ViewPerson && e.UserName == "staffs.screener" && e.TargetId == local.Id.ToString()).ToListAsync());
        Assert.Equal(3, views.Count); // the form, the form again (the test client fetches it for the antiforgery token), the refused post
        Assert.All(views, v =>
        {
            Assert.Equal("break-glass", v.Purpose);
            Assert.Equal(local.Id.ToString(), v.Subjects);
        });
    }

    private async Task<BreakGlassGrant> BreakGlassAsync(Guid localId)
    {
        var screener = await AccessData.SignInAsync(factory, "staffs.screener");
        var response = await screener.PostFormAsync($"/Access/BreakGlass/{localId}", [
            new("Reason", nameof(BreakGlassReason.ChildMissing)),
            new("Justification", Explanation),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await factory.WithDbAsync(db => db.Set<BreakGlassGrant>().SingleAsync(g => g.PersonId == localId));
    }
}
