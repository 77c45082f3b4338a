using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Features.Access;

/// <summary>With the sharing policy gone, nothing from the other hub shows (a database of its own).</summary>
public sealed class FailClosedTests(OpenMashFactory factory) : IClassFixture<OpenMashFactory>
{
    [Fact]
    public async Task OtherHubRecords_WithoutThePolicyRevision_AreNotShown()
    {
        var stokeChild = await AccessData.SharedChildAsync(factory, "STOKE");
        var staffsReference = await AccessData.ContactReferenceAsync(factory, await AccessData.SharedChildAsync(factory, "STAFFS"));
        var screener = await AccessData.SignInAsync(factory, "stoke.screener");
        var (_, before) = await screener.GetPageAsync($"/People/{stokeChild}");
        Assert.Contains(staffsReference, before.QuerySelector("[data-testid=other-hub-content]")?.TextContent, StringComparison.Ordinal);

        await factory.ExecuteSqlAsync("DELETE FROM \"SharingPolicyRevisions\"");

        var (_, after) = await screener.GetPageAsync($"/People/{stokeChild}");
        Assert.Empty(after.QuerySelectorAll("[data-testid=other-hub-existence], [data-testid=other-hub-content]"));
        Assert.DoesNotContain(staffsReference, after.Body!.TextContent, StringComparison.Ordinal);
        var search = await PageClient.ParseAsync(await AccessData.SearchByNhsAsync(screener, await AccessData.NhsNumberAsync(factory, stokeChild)));
        Assert.Empty(search.QuerySelectorAll("[data-testid=other-hub-existence], [data-testid=other-hub-content]"));
        var last = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.SharingDecision && e.UserName == "stoke.screener").OrderByDescending(e => e.Sequence).Select(e => e.Detail).FirstAsync());
        Assert.Contains("the sharing policy could not be loaded", last, StringComparison.Ordinal);
    }
}
