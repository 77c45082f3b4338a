using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using OpenMash.Web.Security;
using QRCoder;

namespace OpenMash.Web.Features.Account;

/// <summary>First sign-in outside demo mode: the user adds OpenMash to an authenticator app and proves it with a code.</summary>
[EnableRateLimiting(Startup.SignInRateLimit)]
public sealed class SetUpTwoFactorModel(SignInFlow flow) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string SharedKey { get; private set; } = string.Empty;

    public string QrSvg { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await flow.PasswordCheckedUserAsync(HttpContext);
        if (user is null)
        {
            return RedirectToPage("SignIn");
        }

        if (user.TwoFactorEnabled)
        {
            return RedirectToPage("TwoFactor", new { ReturnUrl });
        }

        await LoadKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await flow.PasswordCheckedUserAsync(HttpContext);
        if (user is null || user.TwoFactorEnabled)
        {
            return RedirectToPage("SignIn");
        }

        if (string.IsNullOrWhiteSpace(Code))
        {
            ModelState.AddModelError(nameof(Code), "Enter the 6-digit code from your authenticator app");
        }
        else if (!await flow.Users.VerifyTwoFactorTokenAsync(user, flow.Users.Options.Tokens.AuthenticatorTokenProvider, Code))
        {
            await flow.Users.AccessFailedAsync(user);
            await flow.AuditAsync(AuditActions.TwoFactorSetUpFailed, AuditOutcome.Refused, user, "wrong, expired or already used code");
            ModelState.AddModelError(nameof(Code), "The code is wrong, has expired or has already been used. Wait for a new code and enter it");
        }

        if (!ModelState.IsValid)
        {
            Code = null;
            await LoadKeyAsync(user);
            return Page();
        }

        await flow.Users.SetTwoFactorEnabledAsync(user, true);
        await flow.Users.ResetAccessFailedCountAsync(user);
        await flow.CompleteAsync(HttpContext, user, OpenMashClaims.SecondFactorTotp);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    private async Task LoadKeyAsync(AppUser user)
    {
        var key = await flow.Users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await flow.Users.ResetAuthenticatorKeyAsync(user);
            key = await flow.Users.GetAuthenticatorKeyAsync(user);
        }

        SharedKey = string.Join(' ', key!.Chunk(4).Select(c => new string(c)));
        var uri = $"otpauth://totp/OpenMash:{Uri.EscapeDataString(user.UserName!)}?secret={key}&issuer=OpenMash&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        QrSvg = new SvgQRCode(data).GetGraphic(4);
    }
}
