using Xunit.Sdk;

namespace OpenMash.BrowserTests;

/// <summary>The accessibility check itself: it must fail on a page that breaks a rule, with the rule named.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PageChecksTests(BrowserFixture fixture)
{
    [Fact]
    public async Task AssertAccessible_OnAnImageWithoutText_FailsNamingTheRule()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await page.EvaluateAsync("() => document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"/favicon.ico\">')");

        var failure = await Assert.ThrowsAsync<TrueException>(page.AssertAccessibleAsync);

        Assert.Contains("image-alt (critical)", failure.Message, StringComparison.Ordinal);
    }
}
