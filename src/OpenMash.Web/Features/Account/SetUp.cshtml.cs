using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;

namespace OpenMash.Web.Features.Account;

/// <summary>
/// A new account's one-time set-up link: the holder chooses their own password here, then sets up two-factor sign-in.
/// The link works once, before it expires; only its hash is stored. The administrator who added the account never
/// sees a password.
/// </summary>
[EnableRateLimiting(Startup.SignInRateLimit)]
public sealed class SetUpModel(SignInFlow flow, OpenMashDbContext db, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    /// <summary>False when the link is unknown, used or expired: the page says so and offers nothing else.</summary>
    public bool Usable { get; private set; }

    public string? UserName { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (link, user) = await LoadAsync();
        if (link is null || user is null)
        {
            return Page();
        }

        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "Enter a password");
        }
        else if (Password != ConfirmPassword)
        {
            ModelState.AddModelError(nameof(ConfirmPassword), "The passwords do not match");
        }
        else
        {
            foreach (var validator in flow.Users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(flow.Users, user, Password);
                foreach (var error in result.Errors)
                {
                    ModelState.AddModelError(nameof(Password), error.Description);
                }
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        link.Use(time.GetUtcNow().UtcDateTime);
        var added = await flow.Users.AddPasswordAsync(user, Password!);
        if (!added.Succeeded)
        {
            throw new InvalidOperationException("Could not set the password: " + string.Join("; ", added.Errors.Select(e => e.Description)));
        }

        await flow.AuditAsync(AuditActions.AccountSetUpCompleted, AuditOutcome.Allowed, user, "password set from the set-up link; two-factor set-up next");
        await transaction.CommitAsync();
        await flow.RememberPasswordCheckedAsync(HttpContext, user);
        return RedirectToPage("SetUpTwoFactor");
    }

    private async Task<(AccountSetUpLink? Link, AppUser? User)> LoadAsync()
    {
        var hash = string.IsNullOrEmpty(Token) || Token.Length > 100 ? null : AccountSetUpLink.Hash(Token);
        var link = hash is null ? null : await db.Set<AccountSetUpLink>().SingleOrDefaultAsync(l => l.TokenHash == hash);
        var user = link is null ? null : await flow.Users.FindByIdAsync(link.UserId.ToString());
        var now = time.GetUtcNow().UtcDateTime;
        Usable = link is not null && user is not null && link.IsUsable(now) && !user.IsDisabled && user.PasswordHash is null;
        if (!Usable)
        {
            await flow.AuditAsync(AuditActions.AccountSetUpRefused, AuditOutcome.Refused, link is null ? null : user,
                link is null ? "unknown set-up link" : "set-up link used, expired, or the account is disabled or already set up");
            return (null, null);
        }

        UserName = user!.UserName;
        return (link, user);
    }
}
