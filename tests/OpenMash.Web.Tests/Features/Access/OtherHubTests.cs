using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Tests.Features.People;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Features.Access;

/// <summary>
/// A child known to both hubs, under the demo agreements: Staffordshire may know only that Stoke-on-Trent holds a
/// record; Stoke-on-Trent may read Staffordshire's social care history. On the record page and in search results.
/// </summary>
public sealed class OtherHubTests(OpenMashFactory factory) : IClassFixture<OpenMashFactory>
{
    [Fact]
    public async Task OtherHubRecord_SharedAsExistenceOnly_StaffordshireIsToldStokeKnowsTheChildAndWhomToAskButSeesNothingOfIt()
    {
        var staffsChild = await AccessData.SharedChildAsync(factory, "STAFFS");
        var stokeChild = await AccessData.SharedChildAsync(factory, "STOKE");
        var stokeReference = await AccessData.ContactReferenceAsync(factory, stokeChild);
        var screener = await AccessData.SignInAsync(factory, "staffs.screener");

        var (response, page) = await screener.GetPageAsync($"/People/{staffsChild}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var existence = Assert.Single(page.QuerySelectorAll("[data-testid=other-hub-existence]"));
        Assert.Contains("is known to " + AccessData.StokeHubName, existence.TextContent, StringComparison.Ordinal);
        Assert.Contains("only that it holds", existence.QuerySelector("[data-testid=why-not]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Ask Stoke-on-Trent City Council Children's Social Care directly", existence.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("[data-testid=other-hub-content]"));
        Assert.DoesNotContain(stokeReference, page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("ST4 9ZZ", page.Body!.TextContent, StringComparison.Ordinal);

        var search = await PageClient.ParseAsync(await AccessData.SearchByNhsAsync(screener, await AccessData.NhsNumberAsync(factory, staffsChild)));
        Assert.Contains("Juniper Crossfield-Demo is known to " + AccessData.StokeHubName, search.QuerySelector("[data-testid=other-hub-existence]")?.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(stokeReference, search.Body!.TextContent, StringComparison.Ordinal);

        var decisions = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.SharingDecision && e.UserName == "staffs.screener" && e.TargetId == stokeChild.ToString()).Select(e => e.Detail).ToListAsync());
        Assert.True(decisions.Count >= 2, "each look at the other hub's row is decided and audited");
        Assert.All(decisions, d => Assert.Contains("social care history from Stoke-on-Trent City Council Children's Social Care: that it exists only", d, StringComparison.Ordinal));
        Assert.False(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.ViewOtherHubPerson && e.UserName == "staffs.screener")));
    }

    [Fact]
    public async Task OtherHubRecord_SharedAsContent_StokeSeesStaffordshiresSummaryOnTheRecordAndInSearchAndTheReadIsAudited()
    {
        var staffsChild = await AccessData.SharedChildAsync(factory, "STAFFS");
        var stokeChild = await AccessData.SharedChildAsync(factory, "STOKE");
        var staffsReference = await AccessData.ContactReferenceAsync(factory, staffsChild);
        var screener = await AccessData.SignInAsync(factory, "stoke.screener");

        var (_, page) = await screener.GetPageAsync($"/People/{stokeChild}");

        var card = Assert.Single(page.QuerySelectorAll("[data-testid=other-hub-content]"));
        Assert.Equal("Content", card.GetAttribute("data-access"));
        Assert.Contains("Staffordshire MASH's record", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("Juniper Crossfield-Demo", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("3 September 2014", card.TextContent, StringComparison.Ordinal);
        Assert.Contains(staffsReference, card.TextContent, StringComparison.Ordinal);
        Assert.Contains("Child in need assessment", card.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Null(page.QuerySelector("[data-testid=break-glass-link]"));

        var search = await PageClient.ParseAsync(await AccessData.SearchByNhsAsync(screener, await AccessData.NhsNumberAsync(factory, stokeChild)));
        Assert.Contains(staffsReference, search.QuerySelector("[data-testid=other-hub-content]")?.TextContent, StringComparison.Ordinal);

        var reads = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.ViewOtherHubPerson && e.UserName == "stoke.screener" && e.TargetId == staffsChild.ToString()).ToListAsync());
        Assert.Equal(2, reads.Count);
        Assert.All(reads, r =>
        {
            Assert.Equal("SafeguardingScreening", r.Purpose);
            Assert.Contains(staffsChild.ToString(), r.Subjects, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task OtherHubRecord_WithoutAnNhsNumber_IsFoundByTheMatcher()
    {
        var inStaffs = await TestPeople.AddPersonAsync(factory, "STAFFS", "Wrenna", "Matchbyname", postcode: "ST16 8QQ");
        var inStoke = await TestPeople.AddPersonAsync(factory, "STOKE", "Wrenna", "Matchbyname", postcode: "ST16 8QQ");
        var screener = await AccessData.SignInAsync(factory, "stoke.screener");

        var (_, page) = await screener.GetPageAsync($"/People/{inStoke.Id}");

        Assert.Contains("Wrenna Matchbyname", page.QuerySelector("[data-testid=other-hub-content]")?.TextContent, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.ViewOtherHubPerson && e.TargetId == inStaffs.Id.ToString())));
    }

    [Fact]
    public async Task AChildOnlyOneHubKnows_ShowsNoOtherHubRow_OnlyTheGeneralNotice()
    {
        var alone = await TestPeople.AddPersonAsync(factory, "STAFFS", "Tamsin", "Onlyhere", TestPeople.NhsNumber(512_300_001));
        var screener = await AccessData.SignInAsync(factory, "staffs.screener");

        var (_, page) = await screener.GetPageAsync($"/People/{alone.Id}");

        Assert.Empty(page.QuerySelectorAll("[data-testid=other-hub-existence], [data-testid=other-hub-content]"));
        Assert.Contains("may not be shown to you", page.QuerySelector("[data-testid=withheld-notice]")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("[data-testid=break-glass-link]"));
    }
}
