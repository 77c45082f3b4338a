using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenMash.Web.Features.Api;
using OpenMash.Web.Tests.Infrastructure;
using static OpenMash.Web.Tests.Features.Api.ApiTestSupport;

namespace OpenMash.Web.Tests.Features.Api;

/// <summary>Finding 6: a token is good only while the service has a record of it, its client is enabled and its secret unchanged.</summary>
public sealed class TokenRevocationTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task TokenIssue_ForAClient_WritesATokenRecordAndAnAuditRowWithTheExpiry()
    {
        var http = factory.CreateClient();

        await TokenAsync(http);

        var record = await factory.WithDbAsync(db => db.ApiTokens.OrderByDescending(t => t.IssuedAtUtc).FirstAsync(t => t.ClientId == ApiFactory.PoliceClientId));
        // PostgreSQL keeps microseconds, the clock ticks of 100 ns.
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime + ApiTokenService.Lifetime, record.ExpiresAtUtc, TimeSpan.FromMilliseconds(1));
        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.ApiTokenIssued && e.TargetId == ApiFactory.PoliceClientId)
            .OrderByDescending(e => e.Sequence).FirstAsync());
        Assert.Contains(record.Id.ToString(), audit.Detail, StringComparison.Ordinal);
        Assert.Contains($"expires {record.ExpiresAtUtc:yyyy-MM-ddTHH:mm:ssZ}", audit.Detail, StringComparison.Ordinal);
        Assert.Equal("api:" + ApiFactory.PoliceClientId, audit.UserName);
    }

    [Fact]
    public async Task Token_AfterTheSecretIsRotated_Is401AndAudited()
    {
        var secret = await RegisterClientAsync(factory, "rotation-test", "Demo Community Health NHS Trust");
        var http = factory.CreateClient();
        var token = await TokenAsync(http, "rotation-test", secret);
        Assert.Equal(HttpStatusCode.NotFound, (await GetContactAsync(http, token, Guid.NewGuid())).StatusCode);
        var id = await factory.WithDbAsync(db => db.ApiClients.Where(c => c.ClientId == "rotation-test").Select(c => c.Id).SingleAsync());
        var admin = new PageClient(factory.CreateBrowserlessClient());
        await admin.SignInAsDemoAsync("staffs.admin");

        var rotated = await admin.PostFormAsync("/Admin/ApiClients", [], action: $"/Admin/ApiClients?handler=Rotate&id={id}");
        var newSecret = (await PageClient.ParseAsync(rotated)).QuerySelector("[data-testid=client-secret]")?.TextContent;

        var refused = await GetContactAsync(http, token, Guid.NewGuid());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e =>
            e.Action == AuditActions.ApiTokenRefused && e.TargetId == "rotation-test" && e.Detail == "token issued before the client's secret was changed")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await RequestTokenAsync(http, "rotation-test", secret)).StatusCode);
        var fresh = await TokenAsync(http, "rotation-test", newSecret!);
        Assert.Equal(HttpStatusCode.NotFound, (await GetContactAsync(http, fresh, Guid.NewGuid())).StatusCode);
    }

    [Fact]
    public async Task Token_OfADisabledClient_Is401ProblemDetails()
    {
        var secret = await RegisterClientAsync(factory, "disabled-problem-test", "Demo Community Health NHS Trust");
        var http = factory.CreateClient();
        var token = await TokenAsync(http, "disabled-problem-test", secret);
        await factory.WithDbAsync(async db =>
        {
            (await db.ApiClients.SingleAsync(c => c.ClientId == "disabled-problem-test")).IsDisabled = true;
            return await db.SaveChangesAsync();
        });

        var response = await GetContactAsync(http, token, Guid.NewGuid());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Token_MintedWithTheKeyRingAlone_Is401AndAudited()
    {
        // What someone who can read the key ring could make: a well-protected token the service never issued.
        var police = await factory.WithDbAsync(db => db.ApiClients.AsNoTracking().SingleAsync(c => c.ClientId == ApiFactory.PoliceClientId));
        var tokens = new ApiTokenService(factory.Services.GetRequiredService<IDataProtectionProvider>(), factory.Clock);
        var (forged, _) = tokens.Issue(police);
        var http = factory.CreateClient();

        var response = await GetContactAsync(http, forged, Guid.NewGuid());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e =>
            e.Action == AuditActions.ApiTokenRefused && e.TargetId == ApiFactory.PoliceClientId && e.Detail == "no record of issuing this token")));
    }
}
