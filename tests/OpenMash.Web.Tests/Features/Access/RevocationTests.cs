using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Features.Access;

/// <summary>An administrator revokes the agreement mid-session: the next request shows nothing (a database of its own).</summary>
public sealed class RevocationTests(OpenMashFactory factory) : IClassFixture<OpenMashFactory>
{
    [Fact]
    public async Task RevokedMidSession_TheNextRequestShowsNothingFromTheOtherHub_OnTheRecordOrInSearch()
    {
        var staffsChild = await AccessData.SharedChildAsync(factory, "STAFFS");
        var nhs = await AccessData.NhsNumberAsync(factory, staffsChild);
        var screener = await AccessData.SignInAsync(factory, "staffs.screener");
        var (_, before) = await screener.GetPageAsync($"/People/{staffsChild}");
        Assert.NotNull(before.QuerySelector("[data-testid=other-hub-existence]"));

        // Stoke-on-Trent owns the data, so its administrator revokes (Staffordshire could only ask).
        var admin = await AccessData.SignInAsync(factory, "stoke.admin");
        var agreement = await factory.WithDbAsync(db => db.DataSharingAgreements.Where(a => a.Name.StartsWith("Stoke-on-Trent to Staffordshire: known to social care, for screening")).Select(a => a.Id).FirstAsync());
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await AgreementSteps.RevokeAsync(admin, agreement)).StatusCode);

        var (_, after) = await screener.GetPageAsync($"/People/{staffsChild}");
        Assert.Empty(after.QuerySelectorAll("[data-testid=other-hub-existence], [data-testid=other-hub-content]"));
        Assert.DoesNotContain(AccessData.StokeHubName, after.QuerySelector("[data-testid=other-hubs]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("may not be shown to you", after.QuerySelector("[data-testid=withheld-notice]")?.TextContent, StringComparison.Ordinal);

        var search = await PageClient.ParseAsync(await AccessData.SearchByNhsAsync(screener, nhs));
        Assert.Empty(search.QuerySelectorAll("[data-testid=other-hub-existence], [data-testid=other-hub-content]"));
        Assert.NotEmpty(search.QuerySelectorAll("[data-testid=person-results] tbody tr"));
        var refused = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.SharingDecision && e.UserName == "staffs.screener" && e.Outcome == AuditOutcome.Refused).Select(e => e.Detail).ToListAsync());
        Assert.Contains(refused, d => d!.Contains("social care history from Stoke-on-Trent City Council Children's Social Care: refused", StringComparison.Ordinal));
    }
}
