using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Tests.Infrastructure;
using static OpenMash.Web.Tests.Features.Api.ApiTestSupport;

namespace OpenMash.Web.Tests.Features.Api;

public sealed class ApiClientAdminTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Administrator_RegistersAnAgencySystem_AndTheSecretShownOnceGetsATokenThatSendsContacts()
    {
        var admin = new PageClient(factory.CreateBrowserlessClient());
        await admin.SignInAsDemoAsync("staffs.admin");
        var health = await factory.WithDbAsync(db => db.Agencies.Where(a => a.Name == "Demo Community Health NHS Trust").Select(a => a.Id).SingleAsync());

        var page = await PageClient.ParseAsync(await admin.PostFormAsync("/Admin/ApiClients/Create", [new("Name", "Health safeguarding referrals"), new("AgencyId", health.ToString())]));
        var clientId = page.QuerySelector("[data-testid=client-id]")?.TextContent;
        var secret = page.QuerySelector("[data-testid=client-secret]")?.TextContent;

        Assert.StartsWith("health-safeguarding-referrals-", clientId, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(secret));
        var stored = await factory.WithDbAsync(db => db.ApiClients.SingleAsync(c => c.ClientId == clientId));
        Assert.DoesNotContain(secret!, stored.SecretHash, StringComparison.Ordinal);
        Assert.Equal(health, stored.AgencyId);

        var http = factory.CreateClient();
        var response = await PostContactAsync(http, await TokenAsync(http, clientId!, secret!), PoliceNotice(childGivenNames: "FromHealth"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = Guid.Parse((await ReadJsonAsync(response))["id"]!.GetValue<string>());
        Assert.Equal(health, await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().Where(c => c.Id == id).Select(c => c.SourceAgencyId).SingleAsync()));

        var (_, list) = await admin.GetPageAsync("/Admin/ApiClients");
        Assert.Contains(clientId!, list.QuerySelector("table")?.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(secret!, list.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterAgencySystem_WithNothingFilledIn_ListsEveryProblemAndStoresNothing()
    {
        var admin = new PageClient(factory.CreateBrowserlessClient());
        await admin.SignInAsDemoAsync("staffs.admin");
        var before = await factory.WithDbAsync(db => db.ApiClients.CountAsync());

        var page = await PageClient.ParseAsync(await admin.PostFormAsync("/Admin/ApiClients/Create", []));

        Assert.Equal(["#Name", "#AgencyId"], page.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")).ToList());
        Assert.Equal(before, await factory.WithDbAsync(db => db.ApiClients.CountAsync()));
    }

    [Fact]
    public async Task RegisterAgencySystem_ForAnAgencyOutsideTheHub_IsRefused()
    {
        var admin = new PageClient(factory.CreateBrowserlessClient());
        await admin.SignInAsDemoAsync("staffs.admin");
        var stokeSchool = await factory.WithDbAsync(db => db.Agencies.Where(a => a.Name == "Kingsfield Academy (demo)").Select(a => a.Id).SingleAsync());

        var page = await PageClient.ParseAsync(await admin.PostFormAsync("/Admin/ApiClients/Create", [new("Name", "Out of hub"), new("AgencyId", stokeSchool.ToString())]));

        Assert.Contains("serves this hub", page.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.ApiClients.AnyAsync(c => c.Name == "Out of hub")));
    }

    [Fact]
    public async Task NewSecret_ForATurnedOffClient_IsRefusedWithAnErrorSummaryAndKeepsTheOldSecret()
    {
        await RegisterClientAsync(factory, "probation-rotate-off-test", "Probation Service (Staffordshire and Stoke-on-Trent)");
        await factory.WithDbAsync(db => db.ApiClients.Where(c => c.ClientId == "probation-rotate-off-test").ExecuteUpdateAsync(u => u.SetProperty(c => c.IsDisabled, true)));
        var (id, hash) = await factory.WithDbAsync(async db => await db.ApiClients.Where(c => c.ClientId == "probation-rotate-off-test").Select(c => new { c.Id, c.SecretHash }).SingleAsync() is var c ? (c.Id, c.SecretHash) : default);
        var admin = new PageClient(factory.CreateBrowserlessClient());
        await admin.SignInAsDemoAsync("staffs.admin");

        var rotate = await admin.PostFormAsync("/Admin/ApiClients", [], action: $"/Admin/ApiClients?handler=Rotate&id={id}");

        Assert.Equal(HttpStatusCode.OK, rotate.StatusCode);
        var page = await PageClient.ParseAsync(rotate);
        Assert.Contains("cannot be given a new secret", page.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[data-testid=new-secret-panel]"));
        Assert.Equal(hash, await factory.WithDbAsync(db => db.ApiClients.Where(c => c.Id == id).Select(c => c.SecretHash).SingleAsync()));
    }

    [Fact]
    public async Task Administrator_DisablesAClient_AndItsTokenStopsWorkingAtOnce()
    {
        var secret = await RegisterClientAsync(factory, "probation-disable-test", "Probation Service (Staffordshire and Stoke-on-Trent)");
        var http = factory.CreateClient();
        var token = await TokenAsync(http, "probation-disable-test", secret);
        Assert.Equal(HttpStatusCode.NotFound, (await GetContactAsync(http, token, Guid.NewGuid())).StatusCode);
        var id = await factory.WithDbAsync(db => db.ApiClients.Where(c => c.ClientId == "probation-disable-test").Select(c => c.Id).SingleAsync());
        var admin = new PageClient(factory.CreateBrowserlessClient());
        await admin.SignInAsDemoAsync("staffs.admin");

        var disable = await admin.PostFormAsync("/Admin/ApiClients", [], action: $"/Admin/ApiClients?handler=Disable&id={id}");

        Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetContactAsync(http, token, Guid.NewGuid())).StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.Updated(nameof(ApiClient)) && e.TargetType == "ApiClient" && e.UserName == "staffs.admin")));
    }

    [Fact]
    public async Task ApiClientsPage_ForAnotherHubsClient_NeitherListsNorDisablesIt()
    {
        var admin = new PageClient(factory.CreateBrowserlessClient());
        await admin.SignInAsDemoAsync("stoke.admin");
        var police = await factory.WithDbAsync(db => db.ApiClients.Where(c => c.ClientId == ApiFactory.PoliceClientId).Select(c => c.Id).SingleAsync());

        var (_, list) = await admin.GetPageAsync("/Admin/ApiClients");
        var disable = await admin.PostFormAsync("/Admin/ApiClients", [], action: $"/Admin/ApiClients?handler=Disable&id={police}");

        Assert.DoesNotContain(ApiFactory.PoliceClientId, list.QuerySelector("main")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, disable.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.ApiClients.Where(c => c.Id == police).Select(c => c.IsDisabled).SingleAsync()));
    }

    [Fact]
    public async Task AgencySystemsPages_AreRefusedToAResearcher_AndTheRefusalIsAudited()
    {
        var client = new PageClient(factory.CreateBrowserlessClient());
        await client.SignInAsDemoAsync("staffs.police");

        var list = await client.Http.GetAsync(new Uri("/Admin/ApiClients", UriKind.Relative));
        var create = await client.Http.GetAsync(new Uri("/Admin/ApiClients/Create", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(2, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e =>
            e.Action == AuditActions.AccessRefused && e.UserName == "staffs.police" && e.Outcome == AuditOutcome.Refused && e.TargetId!.StartsWith("/Admin/ApiClients"))));
    }
}
