using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Commands;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Features.Audit;

public sealed class AuditTests(OpenMashFactory factory) : IClassFixture<OpenMashFactory>
{
    [Fact]
    public async Task DemoSeeding_IsAudited_AndTheChainVerifies()
    {
        var seeded = await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.UserName == "system:seed-demo" && e.Action == AuditActions.Created(nameof(Agency))));
        var agencies = await factory.WithDbAsync(db => db.Agencies.IgnoreQueryFilters().CountAsync(a => !a.Name.Contains("test")));
        Assert.True(agencies >= 10, $"the demo seeds ten agencies (two schools and education among them); found {agencies}");
        Assert.Equal(agencies, seeded);

        var (code, output, _) = await RunVerbAsync("audit", "verify");

        Assert.Equal(0, code);
        Assert.StartsWith("Audit chain intact", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChange_IsAuditedWithWhoWhatAndWhen_InItsHub()
    {
        var client = new PageClient(factory.CreateBrowserlessClient());
        await client.SignInAsDemoAsync("staffs.admin");

        var response = await client.PostFormAsync("/Admin/Agencies/Create", [new("Name", "Demo Housing Association (audit test)"), new("Type", "Housing"), new("Lead", "no")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (agency, row) = await factory.WithDbAsync(async db =>
        {
            var a = await db.Agencies.SingleAsync(x => x.Name == "Demo Housing Association (audit test)");
            var r = await db.AuditEntries.SingleAsync(e => e.Action == AuditActions.Created(nameof(Agency)) && e.TargetId == a.Id.ToString());
            return (a, r);
        });
        var hub = await factory.WithDbAsync(db => db.Hubs.SingleAsync(h => h.Code == "STAFFS"));
        Assert.Equal("staffs.admin", row.UserName);
        Assert.Equal(hub.Id, row.HubId);
        Assert.Equal("Administrator", row.Role);
        Assert.Equal(AuditOutcome.Allowed, row.Outcome);
        Assert.Equal(AgencyType.Housing, agency.Type);
        Assert.InRange(row.OccurredAtUtc, factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1), factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(1));
    }

    [Fact]
    public async Task AuditSearch_ShowsOnlyTheOfficersHub_AndIsItselfAudited()
    {
        var stoke = new PageClient(factory.CreateBrowserlessClient());
        await stoke.SignInAsDemoAsync("stoke.screener");
        var ig = new PageClient(factory.CreateBrowserlessClient());
        await ig.SignInAsDemoAsync("staffs.ig");

        var response = await ig.PostFormAsync("/Audit", [new("UserName", "stoke.screener")]);
        var page = await PageClient.ParseAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(page.QuerySelectorAll("[data-testid=audit-results] tbody tr"));

        var own = await PageClient.ParseAsync(await ig.PostFormAsync("/Audit", [new("Action", "SignIn"), new("Outcome", "Allowed")]));
        Assert.Contains(own.QuerySelectorAll("[data-testid=audit-results] tbody tr"), r => r.TextContent.Contains("staffs.ig", StringComparison.Ordinal));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.AuditSearch && e.UserName == "staffs.ig")));
    }

    [Fact]
    public async Task AuditSearch_WithAnInvalidDate_ShowsTheError()
    {
        var ig = new PageClient(factory.CreateBrowserlessClient());
        await ig.SignInAsDemoAsync("staffs.ig");

        var page = await PageClient.ParseAsync(await ig.PostFormAsync("/Audit", [new("From", "31/02/2026"), new("Subject", "not-an-id")]));

        Assert.Equal(["#From", "#Subject"], page.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")).ToList());
    }

    [Fact]
    public async Task AuditRows_ChangedOrRemovedThroughTheDatabaseConnection_AreRefused()
    {
        var update = await Record.ExceptionAsync(() => factory.ExecuteSqlAsync("UPDATE \"AuditEntries\" SET \"Action\" = 'x' WHERE \"Sequence\" = 1"));
        var delete = await Record.ExceptionAsync(() => factory.ExecuteSqlAsync("DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = 1"));

        Assert.NotNull(update);
        Assert.NotNull(delete);
        Assert.Contains("append-only", update.Message + update.InnerException?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditChain_UnderConcurrentWrites_StaysGaplessAndValid()
    {
        var before = await factory.WithDbAsync(db => db.AuditChainHeads.Select(h => h.LastSequence).SingleAsync());

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => factory.WithDbAsync(async db =>
        {
            db.Audit(AuditActions.AuditSearch, detail: i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return await db.SaveChangesAsync();
        })));

        var after = await factory.WithDbAsync(db => db.AuditChainHeads.Select(h => h.LastSequence).SingleAsync());
        Assert.True(after - before >= 20);
        var (code, output, error) = await RunVerbAsync("audit", "verify");
        Assert.True(code == 0, output + error);
    }

    private async Task<(int Code, string Output, string Error)> RunVerbAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CommandVerbs.RunAsync(factory.Services, args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
