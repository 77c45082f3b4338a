using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenMash.Web.Data;
using OpenMash.Web.Security;

namespace OpenMash.Web.Features.Account;

/// <summary>
/// The steps of signing in shared by the sign-in, two-factor and set-up pages: the half-signed-in state between
/// password and code, and the final sign-in with the claims the rest of the app relies on.
/// </summary>
public sealed class SignInFlow(SignInManager<AppUser> signIn, OpenMashDbContext db, TimeProvider time)
{
    public UserManager<AppUser> Users => signIn.UserManager;

    /// <summary>Remembers, for five minutes, that this browser gave the right password for this user.</summary>
    public Task RememberPasswordCheckedAsync(HttpContext http, AppUser user) =>
        http.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, user.Id.ToString())], IdentityConstants.TwoFactorUserIdScheme)));

    public async Task<AppUser?> PasswordCheckedUserAsync(HttpContext http)
    {
        var result = await http.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        var id = result.Principal?.FindFirstValue(ClaimTypes.Name);
        var user = id is null ? null : await Users.FindByIdAsync(id);
        return user is not null && await signIn.CanSignInAsync(user) ? user : null;
    }

    public async Task CompleteAsync(HttpContext http, AppUser user, string secondFactor)
    {
        await http.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false,
        [
            new Claim(OpenMashClaims.SecondFactor, secondFactor),
            new Claim(OpenMashClaims.SignedInAt, time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
        ]);
        await AuditAsync(AuditActions.SignIn, AuditOutcome.Allowed, user, "second factor: " + secondFactor);
    }

    public Task AuditAsync(string action, AuditOutcome outcome, AppUser? user, string? detail, string? attemptedName = null)
    {
        var actor = user is null
            ? new Actor(null, attemptedName is null ? null : Truncate(attemptedName), null, null, null)
            : new Actor(user.Id, user.UserName, user.AgencyId, user.HubId, null);
        db.Audit(action, outcome, "User", user?.Id.ToString(), detail: detail, actor: actor);
        return db.SaveChangesAsync();
    }

    private static string Truncate(string value) => value.Length <= 100 ? value : value[..100];
}
