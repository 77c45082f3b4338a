using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using OpenMash.Web.Security;

namespace OpenMash.Web.Features.Account;

[EnableRateLimiting(Startup.SignInRateLimit)]
public sealed class SignInModel(SignInFlow flow, SignInManager<AppUser> signIn, IOptions<DemoOptions> demo) : PageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool DemoMode => demo.Value.Enabled;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(UserName))
        {
            ModelState.AddModelError(nameof(UserName), "Enter your user name");
        }

        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "Enter your password");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Every failure costs one password hash and gives one message, so that neither the time taken nor the words
        // tell an unknown user name from a known one, a locked account or a disabled one.
        var user = await flow.Users.FindByNameAsync(UserName!.Trim());
        if (user is null)
        {
            flow.VerifyAgainstDummyHash(Password!);
            await flow.AuditAsync(AuditActions.SignInFailed, AuditOutcome.Refused, null, "unknown user name", UserName);
            return Failed();
        }

        // A disabled or already locked account is refused before its password is checked: hash anyway.
        var passwordChecked = await signIn.CanSignInAsync(user) && !await flow.Users.IsLockedOutAsync(user);
        var result = await signIn.CheckPasswordSignInAsync(user, Password!, lockoutOnFailure: true);
        if (!passwordChecked)
        {
            flow.VerifyAgainstDummyHash(Password!);
        }

        if (result.IsLockedOut)
        {
            await flow.AuditAsync(AuditActions.SignInLockedOut, AuditOutcome.Refused, user, "account locked after repeated failures");
            return Failed();
        }

        if (result.IsNotAllowed)
        {
            await flow.AuditAsync(AuditActions.SignInFailed, AuditOutcome.Refused, user, "account disabled");
            return Failed();
        }

        if (!result.Succeeded)
        {
            await flow.AuditAsync(AuditActions.SignInFailed, AuditOutcome.Refused, user, "wrong password");
            return Failed();
        }

        if (demo.Value.Enabled && user.IsDemoAccount)
        {
            await flow.CompleteAsync(HttpContext, user, OpenMashClaims.SecondFactorDemoExempt);
            return LocalRedirect(SafeReturnUrl());
        }

        await flow.RememberPasswordCheckedAsync(HttpContext, user);
        await flow.AuditAsync(AuditActions.PasswordAccepted, AuditOutcome.Allowed, user, user.TwoFactorEnabled ? "awaiting code" : "awaiting two-factor set-up");
        var next = user.TwoFactorEnabled ? "/Account/TwoFactor" : "/Account/SetUpTwoFactor";
        return LocalRedirect($"{next}?returnUrl={Uri.EscapeDataString(SafeReturnUrl())}");
    }

    private string SafeReturnUrl() => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";

    /// <summary>The one message for a wrong name, a wrong password, a locked account and a disabled one.</summary>
    public const string FailedMessage =
        "Enter a correct user name and password. After 5 wrong attempts an account is locked for 15 minutes: wait, or ask your administrator";

    private PageResult Failed()
    {
        // The same message whatever went wrong, so that the page does not reveal which user names exist.
        ModelState.AddModelError(nameof(UserName), FailedMessage);
        Password = null;
        return Page();
    }
}
