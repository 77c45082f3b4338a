using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using OpenMash.Web.Security;

namespace OpenMash.Web.Features.Account;

[EnableRateLimiting(Startup.SignInRateLimit)]
public sealed class TwoFactorModel(SignInFlow flow) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await flow.PasswordCheckedUserAsync(HttpContext) is null ? RedirectToPage("SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await flow.PasswordCheckedUserAsync(HttpContext);
        if (user is null)
        {
            return RedirectToPage("SignIn");
        }

        if (await flow.Users.IsLockedOutAsync(user))
        {
            await flow.AuditAsync(AuditActions.SignInLockedOut, AuditOutcome.Refused, user, "locked out at the code step");
            ModelState.AddModelError(nameof(Code), "This account is locked because of too many failed attempts. Try again in 15 minutes or ask your administrator");
            return Page();
        }

        if (string.IsNullOrWhiteSpace(Code))
        {
            ModelState.AddModelError(nameof(Code), "Enter the 6-digit code from your authenticator app");
            return Page();
        }

        if (!await flow.Users.VerifyTwoFactorTokenAsync(user, flow.Users.Options.Tokens.AuthenticatorTokenProvider, Code))
        {
            await flow.Users.AccessFailedAsync(user);
            await flow.AuditAsync(AuditActions.SignInFailed, AuditOutcome.Refused, user, "wrong, expired or already used code");
            ModelState.AddModelError(nameof(Code), "The code is wrong, has expired or has already been used. Wait for a new code and enter it");
            Code = null;
            return Page();
        }

        await flow.Users.ResetAccessFailedCountAsync(user);
        await flow.CompleteAsync(HttpContext, user, OpenMashClaims.SecondFactorTotp);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
