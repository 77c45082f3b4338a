using System.Net;
using static OpenMash.Web.Tests.Features.Api.ApiTestSupport;

namespace OpenMash.Web.Tests.Features.Api;

public sealed class TokenRateLimitTests : IAsyncLifetime
{
    private readonly ApiFactory _factory = new();

    public Task InitializeAsync()
    {
        _factory.Settings["Security:SignInAttemptsPerMinute"] = "2";
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Token_RequestsBeyondTheLimit_Get429ProblemDetailsEvenWithTheRightSecret()
    {
        var http = _factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        foreach (var secret in new[] { "guess-1", "guess-2", ApiFactory.PoliceSecret })
        {
            last = await RequestTokenAsync(http, ApiFactory.PoliceClientId, secret);
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal("application/problem+json", last!.Content.Headers.ContentType?.MediaType);
    }
}
