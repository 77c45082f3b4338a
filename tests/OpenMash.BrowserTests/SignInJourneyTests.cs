using Microsoft.Playwright;
using OtpNet;

namespace OpenMash.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class SignInJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task AddUser_ByAnAdministrator_NewUserSetsUpTwoFactorAndSignsIn()
    {
        var admin = await fixture.NewPageAsync();
        await admin.SignInAsync("staffs.admin");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Users" }).First.ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add a user" }).ClickAsync();
        await admin.GetByLabel("Full name").FillAsync("Alex Testperson");
        await admin.GetByLabel("User name").FillAsync("alex.testperson");
        await admin.GetByLabel("Demo Community Health NHS Trust").CheckAsync();
        await admin.GetByLabel("Agency researcher").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();
        // No password is shown: a single-use set-up link, and the case role waits for a second administrator.
        var link = (await admin.Locator("[data-testid=set-up-link]").TextContentAsync())!.Trim();
        await admin.AssertAccessibleAsync();
        var second = await fixture.NewPageAsync();
        await second.SignInAsync("staffs.admin2");
        await second.GotoAsync("/Admin/Grants");
        await second.AssertAccessibleAsync();
        await second.GetByRole(AriaRole.Link, new() { Name = "Approve or decline Agency researcher for Alex Testperson" }).ClickAsync();
        await second.GetByLabel("Approve: the person holds the role from their next request").CheckAsync();
        await second.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await second.AssertAccessibleAsync();
        await second.GetByRole(AriaRole.Button, new() { Name = "Yes, approve the role" }).ClickAsync();

        const string password = "alex-testperson-own-password";
        var user = await fixture.NewPageAsync();
        await user.GotoAsync(new Uri(link).PathAndQuery);
        await user.AssertAccessibleAsync();
        await user.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await user.GetByLabel("Confirm password").FillAsync(password);
        await user.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await user.WaitForURLAsync("**/Account/SetUpTwoFactor**");
        await user.AssertAccessibleAsync();
        var key = (await user.Locator("[data-testid=shared-key]").TextContentAsync())!.Replace(" ", string.Empty, StringComparison.Ordinal);
        var totp = new Totp(Base32Encoding.ToBytes(key));
        await user.GetByLabel("Code from your authenticator app").FillAsync(totp.ComputeTotp());
        await user.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();
        await user.WaitForURLAsync(fixture.BaseUrl + "/");
        Assert.Equal("Agency researcher", await user.Locator("#role-AgencyResearcher").TextContentAsync());

        // Next time the password leads to the code page, where a wrong code is refused with an error summary.
        await user.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await user.SignInAsync("alex.testperson", password);
        await user.WaitForURLAsync("**/Account/TwoFactor**");
        await user.AssertAccessibleAsync();
        await user.GetByLabel("Enter your security code").FillAsync("000000");
        await user.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        Assert.Contains("The code is wrong", await user.Locator(".govuk-error-summary").TextContentAsync(), StringComparison.Ordinal);
        await user.AssertAccessibleAsync();
    }

    [Fact]
    public async Task SignIn_ByKeyboardAlone_LandsTheDemoUserOnTheirHomePage()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("User name").FocusAsync();
        await page.Keyboard.TypeAsync("stoke.manager");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(BrowserFixture.DemoPassword);
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync(fixture.BaseUrl + "/");
        Assert.Equal("MASH manager", await page.Locator("#role-MashManager").TextContentAsync());
        Assert.Contains("Stoke-on-Trent", await page.Locator(".govuk-caption-l").TextContentAsync(), StringComparison.Ordinal);
    }
}
