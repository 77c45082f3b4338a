using System.Reflection;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Features.Shared;

/// <summary>
/// Walks every page each kind of demo user can reach from the home page (following the links on each page) and fails
/// naming the page and the word when any page shows an enum member's raw name ("NotForReferrer", "DomesticAbuse")
/// instead of its words. Only compound names are looked for: a one-word member ("Red", "Police") reads as a word.
/// </summary>
public sealed partial class PeoplesWordsTests(OpenMashFactory factory) : IClassFixture<OpenMashFactory>
{
    private const int PagesPerUser = 120;

    private const int PagesPerRoute = 2;

    [Theory]
    [InlineData("staffs.screener")]
    [InlineData("staffs.manager")]
    [InlineData("staffs.police")]
    [InlineData("staffs.referrer")]
    [InlineData("staffs.dsl")]
    [InlineData("staffs.probation")]
    [InlineData("staffs.ig")]
    [InlineData("staffs.analyst")]
    [InlineData("staffs.admin")]
    public async Task EveryReachablePage_ForADemoUser_ShowsNoEnumMemberName(string userName)
    {
        var names = EnumMemberNames();
        var client = new PageClient(factory.CreateBrowserlessClient());
        await client.SignInAsDemoAsync(userName);

        var found = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var perRoute = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var queue = new Queue<string>(["/"]);
        var visited = 0;
        while (queue.Count > 0 && visited < PagesPerUser)
        {
            var url = queue.Dequeue();
            var (response, document) = await client.GetPageAsync(url);
            visited++;
            if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            foreach (var word in WordsShown(document).Where(names.Contains).Distinct())
            {
                found.Add($"{url}: {word}");
            }

            foreach (var link in document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
            {
                if (!link.StartsWith('/') || link.StartsWith("//", StringComparison.Ordinal) || IsNotAPage(link))
                {
                    continue;
                }

                var path = link.Split('#')[0];
                var route = Guid().Replace(path.Split('?')[0], "{id}");
                if (seen.Add(path) && perRoute.GetValueOrDefault(route) < PagesPerRoute)
                {
                    perRoute[route] = perRoute.GetValueOrDefault(route) + 1;
                    queue.Enqueue(path);
                }
            }
        }

        Assert.True(visited >= 3, $"{userName} reached only {visited} pages: the walk did not get past the home page");
        Assert.True(found.Count == 0, $"{userName} saw enum member names instead of words:\n{string.Join('\n', found.Distinct())}");
    }

    [Fact]
    public async Task WordsShown_OnAPageWithARawEnumName_FindsIt()
    {
        using var response = new HttpResponseMessage { Content = new StringContent("<html><body><main><p>Restriction: (NotForReferrer)</p><script>var DomesticAbuse = 1;</script></main></body></html>") };
        var document = await PageClient.ParseAsync(response);

        var words = WordsShown(document).ToList();

        Assert.Contains("NotForReferrer", words);
        Assert.Contains("NotForReferrer", EnumMemberNames());
        Assert.DoesNotContain("DomesticAbuse", words);
    }

    private static bool IsNotAPage(string link) =>
        link.Contains("/SignOut", StringComparison.OrdinalIgnoreCase) || link.Contains("/Logout", StringComparison.OrdinalIgnoreCase)
        || link.Contains("/Download", StringComparison.OrdinalIgnoreCase) || link.Contains("/Export", StringComparison.OrdinalIgnoreCase)
        || link.StartsWith("/css", StringComparison.OrdinalIgnoreCase) || link.StartsWith("/js", StringComparison.OrdinalIgnoreCase)
        || link.StartsWith("/lib", StringComparison.OrdinalIgnoreCase) || link.StartsWith("/assets", StringComparison.OrdinalIgnoreCase)
        || link.StartsWith("/openapi", StringComparison.OrdinalIgnoreCase) || link.StartsWith("/api", StringComparison.OrdinalIgnoreCase);

    /// <summary>The words a reader sees: the text of the page without scripts and styles, split at anything not a letter.</summary>
    private static IEnumerable<string> WordsShown(AngleSharp.Html.Dom.IHtmlDocument document)
    {
        foreach (var hidden in document.QuerySelectorAll("script, style, template").ToList())
        {
            hidden.Remove();
        }

        var text = document.Body?.TextContent ?? string.Empty;
        foreach (var attribute in document.QuerySelectorAll("[title], [aria-label], img[alt], input[placeholder]")
            .SelectMany(e => new[] { e.GetAttribute("title"), e.GetAttribute("aria-label"), e.GetAttribute("alt"), e.GetAttribute("placeholder") }))
        {
            text += " " + attribute;
        }

        return Word().Matches(text).Select(m => m.Value);
    }

    /// <summary>Every compound member name (two capitalised parts or more) of the app's and the sharing engine's enums.</summary>
    private static HashSet<string> EnumMemberNames()
    {
        var assemblies = new[] { typeof(OpenMash.Web.Domain.Contacts.Contact).Assembly, typeof(OpenMash.Sharing.ItemRestrictions).Assembly };
        return assemblies.SelectMany(a => a.GetTypes())
            .Where(t => t.IsEnum && (t.Namespace?.StartsWith("OpenMash", StringComparison.Ordinal) ?? false))
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => f.Name))
            .Where(n => Compound().IsMatch(n))
            .ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex("[A-Za-z]+")]
    private static partial Regex Word();

    [GeneratedRegex("^[A-Z][a-z0-9]+([A-Z][a-z0-9]*)+$")]
    private static partial Regex Compound();

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guid();
}
