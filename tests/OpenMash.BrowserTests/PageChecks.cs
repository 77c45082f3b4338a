using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace OpenMash.BrowserTests;

public static class PageChecks
{
    /// <summary>Fails with the rule, impact and elements of every axe-core violation (WCAG 2.2 A and AA).</summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
        });
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
