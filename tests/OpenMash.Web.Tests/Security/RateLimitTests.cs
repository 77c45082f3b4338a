using System.Net;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Security;

public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly OpenMashFactory _factory = new();

    public Task InitializeAsync()
    {
        _factory.Settings["Security:SignInAttemptsPerMinute"] = "3";
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task SignInPosts_BeyondTheLimit_Get429AndAGovukErrorPage()
    {
        var client = new PageClient(_factory.CreateBrowserlessClient());
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            var response = await client.PostFormAsync("/Account/SignIn", [new("UserName", "nobody"), new("Password", "guess-" + i)]);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        var last = await client.PostFormAsync("/Account/SignIn", [new("UserName", "nobody"), new("Password", "again")]);
        var page = await PageClient.ParseAsync(last);
        Assert.Equal("Too many attempts", page.QuerySelector("h1")?.TextContent);

        // Reading the page is not limited, so a locked-out person still sees where they are.
        var (get, _) = await client.GetPageAsync("/Account/SignIn");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
    }
}
