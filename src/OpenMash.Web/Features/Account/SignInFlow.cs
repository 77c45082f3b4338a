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
public sealed class SignInFlow(SignInManager<AppUser> signIn, OpenMashDbContext db, TimeProvider time, DummyPasswordHash dummy)
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

    /// <summary>
    /// Signs the user in with a new server-side session: the cookie carries the session's id and is accepted only
    /// while that session has not ended (<see cref="SessionValidator"/>), so signing out ends a copied cookie too.
    /// </summary>
    public async Task CompleteAsync(HttpContext http, AppUser user, string secondFactor)
    {
        await http.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        var now = time.GetUtcNow();
        var session = new UserSession { Id = Guid.NewGuid(), UserId = user.Id, StartedAtUtc = now.UtcDateTime };
        db.UserSessions.Add(session);
        await AuditAsync(AuditActions.SignIn, AuditOutcome.Allowed, user, "second factor: " + secondFactor);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false,
        [
            new Claim(OpenMashClaims.SecondFactor, secondFactor),
            new Claim(OpenMashClaims.SignedInAt, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
            new Claim(OpenMashClaims.SessionId, session.Id.ToString()),
        ]);
    }

    /// <summary>
    /// Checks the password against a hash of a random password made at the configured cost, for sign-in attempts
    /// with no account's hash to check (unknown name, locked or disabled account): the same work, always false.
    /// </summary>
    public void VerifyAgainstDummyHash(string password)
    {
        var placeholder = new AppUser { UserName = "placeholder", DisplayName = "placeholder" };
        Users.PasswordHasher.VerifyHashedPassword(placeholder, dummy.For(Users.PasswordHasher, placeholder), password);
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
