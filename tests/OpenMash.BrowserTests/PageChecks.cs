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
        // A check straight after a click that navigates must judge the new page, not one still being parsed (CI once
        // ran axe on a page whose address had changed but whose <main> had not arrived yet).
        await page.WaitForLoadStateAsync(LoadState.Load);
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

    /// <summary>
    /// Fails when the page is wider than the window (the whole page scrolls sideways), naming the elements that stick
    /// out and are not inside a container of their own that scrolls.
    /// </summary>
    public static async Task AssertNoSidewaysScrollAsync(this IPage page)
    {
        var problem = await SidewaysScrollAsync(page);
        Assert.True(problem is null, problem);
    }

    /// <summary>Null when the page fits its window; otherwise what is too wide (as <see cref="AssertNoSidewaysScrollAsync"/> says it).</summary>
    public static async Task<string?> SidewaysScrollAsync(this IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        var wide = await page.EvaluateAsync<string[]>("""
            () => document.documentElement.scrollWidth <= window.innerWidth ? [] :
              [...document.querySelectorAll('body *')].filter(e => {
                if (e.getBoundingClientRect().right <= window.innerWidth + 1) return false;
                for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
                  const o = getComputedStyle(p).overflowX;
                  if (o === 'auto' || o === 'scroll' || o === 'hidden') return false;
                }
                return true;
              }).slice(0, 8).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + [...e.classList].map(c => '.' + c).join('') + ' to ' + Math.round(e.getBoundingClientRect().right) + 'px')
            """);
        return wide.Length == 0 ? null : $"{page.Url} scrolls sideways at {page.ViewportSize?.Width} px; too wide: {string.Join(", ", wide)}";
    }

    public static async Task SignInAsync(this IPage page, string userName, string password = BrowserFixture.DemoPassword)
    {
        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
    }
}
