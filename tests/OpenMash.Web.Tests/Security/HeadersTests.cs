using System.Net;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Security;

public sealed class HeadersTests(OpenMashFactory factory) : IClassFixture<OpenMashFactory>
{
    [Fact]
    public async Task Pages_CarrySecurityHeaders_AndANonceThatMatchesTheInlineScript()
    {
        var client = new PageClient(factory.CreateBrowserlessClient());
        var (response, page) = await client.GetPageAsync("/Account/SignIn");

        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        var nonce = page.QuerySelector("script[nonce]")?.GetAttribute("nonce");
        Assert.False(string.IsNullOrEmpty(nonce));
        Assert.Contains($"script-src 'self' 'nonce-{nonce}'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);

        var (second, secondPage) = await client.GetPageAsync("/Account/SignIn");
        Assert.NotEqual(nonce, secondPage.QuerySelector("script[nonce]")?.GetAttribute("nonce"));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Fact]
    public async Task SignInCookie_OverHttp_IsHttpOnlyAndSameSiteStrict()
    {
        var client = new PageClient(factory.CreateBrowserlessClient());
        var response = await client.PostFormAsync("/Account/SignIn", [new("UserName", "staffs.ig"), new("Password", OpenMashFactory.DemoPassword)]);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("OpenMash=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SignInCookie_OverHttps_TakesTheHostPrefixAndIsSecure()
    {
        await using var https = new OpenMashFactory();
        https.Settings["Security:HttpsOnly"] = "true";
        https.ClientOptions.BaseAddress = new Uri("https://localhost");
        var client = new PageClient(https.CreateBrowserlessClient());

        var response = await client.PostFormAsync("/Account/SignIn", [new("UserName", "staffs.ig"), new("Password", OpenMashFactory.DemoPassword)]);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-OpenMash=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.True(response.Headers.Contains("Strict-Transport-Security") || response.StatusCode == HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task StaticAssets_WhenRequestedCompressed_AreServedWithContent()
    {
        var client = factory.CreateBrowserlessClient();
        foreach (var asset in new[] { "/lib/govuk-frontend/govuk-frontend.min.css", "/lib/govuk-frontend/govuk-frontend.min.js", "/assets/fonts/bold-b542beb274-v2.woff2", "/lib/moj-frontend/moj-frontend.min.css" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, asset);
            request.Headers.AcceptEncoding.ParseAdd("gzip, br");
            var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 1000, asset + " is empty");
        }
    }

    [Fact]
    public async Task UnknownPage_ShowsGovukNotFoundPage_NotAStackTrace()
    {
        var client = new PageClient(factory.CreateBrowserlessClient());
        await client.SignInAsDemoAsync("staffs.screener");

        var (response, page) = await client.GetPageAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", page.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task ApiPaths_AnswerWithProblemDetails_NotRedirects()
    {
        var client = factory.CreateBrowserlessClient();

        var anonymous = await client.GetAsync(new Uri("/api/v1/contacts", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task HealthChecks_WithTheDatabaseUp_ReportLiveAndReady()
    {
        var client = factory.CreateBrowserlessClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode);
        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }
}
