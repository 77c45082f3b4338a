using Deque.AxeCore.Commons;
using Microsoft.Playwright;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OpenMash.BrowserTests;

public static class PageChecks
{
    /// <summary>
    /// The axe-core script bundled with Deque.AxeCore (the one its <c>RunAxe</c> injects). Every browser context adds
    /// it as an init script (<see cref="BrowserFixture.NewPageAsync"/>), so each page has <c>window.axe</c> from its
    /// first line without sending the 650 kB script for every check.
    /// </summary>
    public static readonly string AxeScript = new BundledAxeScriptProvider().GetScript();

    private static readonly string RunOptions = JsonConvert.SerializeObject(new AxeRunOptions
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    });

    /// <summary>
    /// Fails with the rule, impact and elements of every axe-core violation (WCAG 2.2 A and AA, and best practice).
    /// It runs <c>axe.run</c> on the whole document in the page itself, as Deque's <c>RunAxe</c> does for a page
    /// without frames, but without its per-check cost (injecting the script twice and opening a separate browser page to
    /// combine the results): the same axe-core, rules and result, in about a quarter of the time.
    /// </summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync($"() => {{ {AxeScript} }}");
        }

        var json = await page.EvaluateAsync<string>("async options => JSON.stringify(await window.axe.run(document, JSON.parse(options)))", RunOptions);
        var result = new AxeResult(JObject.Parse(json));
        var problems = result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => string.Join(' ', n.Target)))}");
        Assert.True(result.Violations.Length == 0, $"{page.Url}: {string.Join(Environment.NewLine, problems)}");
    }

    public static async Task SignInAsync(this IPage page, string userName, string password = BrowserFixture.DemoPassword)
    {
        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
    }
}
