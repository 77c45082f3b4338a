using System.Net;
using System.Net.Http.Headers;
using static OpenMash.Web.Tests.Features.Api.ApiTestSupport;

namespace OpenMash.Web.Tests.Features.Api;

/// <summary>Finding 12: with a valid token the API gives the real status, as problem details; 401 is for a missing or bad token only.</summary>
public sealed class ApiSemanticsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string? token, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative)) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await factory.CreateClient().SendAsync(request);
    }

    [Theory]
    [InlineData("/api/v1/contacts/zzz")]
    [InlineData("/api/v1/nothing-here")]
    public async Task UnknownRoute_WithAValidToken_Is404ProblemDetails(string url)
    {
        var response = await SendAsync(HttpMethod.Get, url, await TokenAsync(factory.CreateClient()));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("GET", "/api/v1/contacts")]
    [InlineData("DELETE", "/api/v1/contacts")]
    [InlineData("DELETE", "/api/v1/contacts/6a3e0b7e-5d55-4a3c-9a53-0d3c2f0e9a11")]
    public async Task WrongMethod_WithAValidToken_Is405ProblemDetails(string method, string url)
    {
        var response = await SendAsync(new HttpMethod(method), url, await TokenAsync(factory.CreateClient()));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty(response.Content.Headers.Allow);
    }

    [Fact]
    public async Task TextPlainPost_WithAValidToken_Is415ProblemDetails()
    {
        var response = await SendAsync(HttpMethod.Post, "/api/v1/contacts", await TokenAsync(factory.CreateClient()), new StringContent(PoliceNotice()));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("CfDJ8not-a-real-token")]
    public async Task UnknownRouteOrWrongMethod_WithoutAGoodToken_Is401ProblemDetails(string? token)
    {
        var unknown = await SendAsync(HttpMethod.Get, "/api/v1/contacts/zzz", token);
        var method = await SendAsync(HttpMethod.Delete, "/api/v1/contacts", token);

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, method.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("Bearer", unknown.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }
}
