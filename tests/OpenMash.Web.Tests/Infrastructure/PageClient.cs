using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace OpenMash.Web.Tests.Infrastructure;

/// <summary>A cookie-keeping client that reads pages as HTML and posts forms with their antiforgery token.</summary>
public sealed class PageClient(HttpClient http)
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Http => http;

    public async Task<(HttpResponseMessage Response, IHtmlDocument Document)> GetPageAsync(string url)
    {
        var response = await http.GetAsync(new Uri(url, UriKind.Relative));
        return (response, await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>
    /// GETs <paramref name="formPage"/>, takes its antiforgery token and a one-use form token (as a browser sends the
    /// form's own) and posts the fields to <paramref name="action"/>.
    /// </summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, IEnumerable<KeyValuePair<string, string>> fields, string? action = null)
    {
        var (page, document) = await GetPageAsync(formPage);
        Assert.True(page.IsSuccessStatusCode, $"GET {formPage} returned {(int)page.StatusCode}");
        var token = document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{formPage} has no antiforgery token");
        var all = fields.Append(new("__RequestVerificationToken", token));
        if (document.QuerySelector("main form[method=post] input[name=__FormToken]") is { } once)
        {
            all = all.Append(new("__FormToken", once.GetAttribute("value")!));
        }

        return await http.PostAsync(new Uri(action ?? formPage, UriKind.Relative), new FormUrlEncodedContent(all));
    }

    /// <summary>The antiforgery token and the first form's one-use token of <paramref name="formPage"/>, to post the same form more than once.</summary>
    public async Task<(string Antiforgery, string FormToken)> FormTokensAsync(string formPage)
    {
        var (_, document) = await GetPageAsync(formPage);
        return (document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            document.QuerySelector("main form[method=post] input[name=__FormToken]")!.GetAttribute("value")!);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    public async Task SignInAsDemoAsync(string userName)
    {
        var response = await PostFormAsync("/Account/SignIn", [new("UserName", userName), new("Password", OpenMashFactory.DemoPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }
}
