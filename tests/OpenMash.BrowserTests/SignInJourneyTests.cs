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
        var password = (await admin.Locator("[data-testid=initial-password]").TextContentAsync())!.Trim();
        await admin.AssertAccessibleAsync();

        var user = await fixture.NewPageAsync();
        await user.SignInAsync("alex.testperson", password);
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
