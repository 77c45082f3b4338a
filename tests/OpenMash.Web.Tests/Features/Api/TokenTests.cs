using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using static OpenMash.Web.Tests.Features.Api.ApiTestSupport;

namespace OpenMash.Web.Tests.Features.Api;

public sealed class TokenTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Token_ForTheRightSecret_IsABearerTokenForAnHour()
    {
        var response = await RequestTokenAsync(factory.CreateClient(), ApiFactory.PoliceClientId, ApiFactory.PoliceSecret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ReadJsonAsync(response);
        Assert.False(string.IsNullOrEmpty(body["access_token"]?.GetValue<string>()));
        Assert.Equal("Bearer", body["token_type"]?.GetValue<string>());
        Assert.Equal(3600, body["expires_in"]?.GetValue<int>());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Token_WithHttpBasicClientAuthentication_IsIssuedAndWorks()
    {
        var http = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/connect/token", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ApiFactory.PoliceClientId}:{ApiFactory.PoliceSecret}")));

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = (await ReadJsonAsync(response))["access_token"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.NotFound, (await GetContactAsync(http, token, Guid.NewGuid())).StatusCode);
    }

    [Fact]
    public async Task Token_WithAWrongSecret_Is401InvalidClientAndAuditedAsRefused()
    {
        var response = await RequestTokenAsync(factory.CreateClient(), ApiFactory.PoliceClientId, "not-the-secret");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", (await ReadJsonAsync(response))["error"]?.GetValue<string>());
        var refusals = await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e =>
            e.Action == AuditActions.ApiTokenRefused && e.TargetId == ApiFactory.PoliceClientId && e.Outcome == AuditOutcome.Refused && e.Detail == "wrong secret"));
        Assert.Equal(1, refusals);
    }

    [Fact]
    public async Task Token_ForAnUnknownClient_Is401InvalidClientAndAudited()
    {
        var response = await RequestTokenAsync(factory.CreateClient(), "no-such-client", ApiFactory.PoliceSecret);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", (await ReadJsonAsync(response))["error"]?.GetValue<string>());
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.TargetId == "no-such-client" && e.Outcome == AuditOutcome.Refused)));
    }

    [Fact]
    public async Task Token_WithAnotherGrantType_Is400UnsupportedGrantType()
    {
        var response = await RequestTokenAsync(factory.CreateClient(), ApiFactory.PoliceClientId, ApiFactory.PoliceSecret, grantType: "password");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("unsupported_grant_type", (await ReadJsonAsync(response))["error"]?.GetValue<string>());
    }

    [Fact]
    public async Task Token_WithoutAGrantType_Is400InvalidRequest()
    {
        var response = await factory.CreateClient().PostAsync(new Uri("/connect/token", UriKind.Relative),
            new FormUrlEncodedContent([new("client_id", ApiFactory.PoliceClientId), new("client_secret", ApiFactory.PoliceSecret)]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", (await ReadJsonAsync(response))["error"]?.GetValue<string>());
    }

    [Fact]
    public async Task Api_WithoutAToken_Is401ProblemDetails()
    {
        var response = await factory.CreateClient().PostAsync(new Uri("/api/v1/contacts", UriKind.Relative), new StringContent(PoliceNotice(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Api_WithAForgedToken_Is401AndStoresNothing()
    {
        var before = await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().CountAsync());

        var response = await PostContactAsync(factory.CreateClient(), "CfDJ8forged-token-value", PoliceNotice());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().CountAsync()));
    }

    [Fact]
    public async Task Token_AfterItsHour_IsRefused()
    {
        var http = factory.CreateClient();
        var token = await TokenAsync(http);
        Assert.Equal(HttpStatusCode.NotFound, (await GetContactAsync(http, token, Guid.NewGuid())).StatusCode);

        factory.Clock.Advance(TimeSpan.FromMinutes(61));

        Assert.Equal(HttpStatusCode.Unauthorized, (await GetContactAsync(http, token, Guid.NewGuid())).StatusCode);
    }

    [Fact]
    public async Task DisabledClient_TokenStopsWorkingAtOnce_AndTheRefusalIsAudited()
    {
        var secret = await RegisterClientAsync(factory, "health-referrals-test", "Demo Community Health NHS Trust");
        var http = factory.CreateClient();
        var token = await TokenAsync(http, "health-referrals-test", secret);
        Assert.Equal(HttpStatusCode.NotFound, (await GetContactAsync(http, token, Guid.NewGuid())).StatusCode);

        await factory.WithDbAsync(async db =>
        {
            var client = await db.ApiClients.SingleAsync(c => c.ClientId == "health-referrals-test");
            client.IsDisabled = true;
            return await db.SaveChangesAsync();
        });

        Assert.Equal(HttpStatusCode.Unauthorized, (await GetContactAsync(http, token, Guid.NewGuid())).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RequestTokenAsync(http, "health-referrals-test", secret)).StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e =>
            e.Action == AuditActions.ApiTokenRefused && e.TargetId == "health-referrals-test" && e.Detail == "client disabled" && e.Outcome == AuditOutcome.Refused)));
    }

    [Fact]
    public async Task OpenApiDocument_IsServedAnonymously_AndDescribesTokenAndContacts()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await ReadJsonAsync(response);
        var paths = document["paths"]!.AsObject();
        Assert.True(paths.ContainsKey("/api/v1/contacts"));
        Assert.True(paths.ContainsKey("/api/v1/contacts/{id}"));
        Assert.True(paths.ContainsKey("/connect/token"));
        Assert.DoesNotContain(paths, p => p.Key.StartsWith("/Admin", StringComparison.Ordinal));
        Assert.Equal("oauth2", document["components"]?["securitySchemes"]?["ApiBearer"]?["type"]?.GetValue<string>());
        Assert.NotNull(paths["/api/v1/contacts"]?["post"]?["security"]);
        Assert.Contains(paths["/api/v1/contacts"]!["post"]!["parameters"]!.AsArray(), p => p?["name"]?.GetValue<string>() == "Idempotency-Key" && p["required"]?.GetValue<bool>() == true);
    }
}
