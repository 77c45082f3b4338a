using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenMash.Web.Data;

namespace OpenMash.Web.Security;

public sealed class SecurityOptions
{
    /// <summary>Serve only over HTTPS: cookies become Secure and take the __Host- prefix. Off for the plain-HTTP demo.</summary>
    public bool HttpsOnly { get; set; } = true;

    public int IdleTimeoutMinutes { get; set; } = 30;

    public int AbsoluteTimeoutHours { get; set; } = 10;

    /// <summary>Sign-in attempts (password or code) allowed per client address per minute.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 20;

    /// <summary>OWASP's figure for PBKDF2-HMAC-SHA512 (Identity's v3 format), 2023 onwards.</summary>
    public const int MinimumPasswordHashIterations = 210_000;

    /// <summary>
    /// PBKDF2 iterations for new password and API secret hashes. Fewer than <see cref="MinimumPasswordHashIterations"/>
    /// stop the service from starting, except in the Testing environment, where the tests sign in hundreds of times.
    /// </summary>
    public int PasswordHashIterations { get; set; } = MinimumPasswordHashIterations;
}

public sealed class DemoOptions
{
    public bool Enabled { get; set; }

    public string? Password { get; set; }

    public string? ApiClientSecret { get; set; }
}

/// <summary>Adds the user's agency, hub and name to the sign-in cookie.</summary>
public sealed class OpenMashClaimsFactory(UserManager<AppUser> users, RoleManager<AppRole> roles, IOptions<IdentityOptions> options, OpenMashDbContext db)
    : UserClaimsPrincipalFactory<AppUser, AppRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var agencyType = await db.Agencies.Where(a => a.Id == user.AgencyId).Select(a => a.Type).SingleAsync();
        identity.AddClaim(new Claim(OpenMashClaims.AgencyId, user.AgencyId.ToString()));
        identity.AddClaim(new Claim(OpenMashClaims.AgencyType, agencyType.ToString()));
        identity.AddClaim(new Claim(OpenMashClaims.HubId, user.HubId.ToString()));
        identity.AddClaim(new Claim(OpenMashClaims.DisplayName, user.DisplayName));
        return identity;
    }
}

/// <summary>A disabled user, or a user of a disabled agency, cannot sign in.</summary>
public sealed class OpenMashSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation,
    OpenMashDbContext db)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AppUser user) =>
        !user.IsDisabled
        && !await db.Agencies.AnyAsync(a => a.Id == user.AgencyId && a.IsDisabled)
        && await base.CanSignInAsync(user);
}

/// <summary>
/// Checks the session against the database on every request, so that disabling a user or changing their roles
/// takes effect on their next request, that a cookie of an ended (signed-out) server-side session is refused, and
/// enforces the absolute session time-out.
/// </summary>
public static class SessionValidator
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var db = services.GetRequiredService<OpenMashDbContext>();
        var time = services.GetRequiredService<TimeProvider>();
        var security = services.GetRequiredService<IOptions<SecurityOptions>>().Value;
        var identityOptions = services.GetRequiredService<IOptions<IdentityOptions>>().Value;
        var principal = context.Principal!;

        if (!Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            await RejectAsync(context, db, null, "no user id in session");
            return;
        }

        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.IsDisabled, u.SecurityStamp, AgencyDisabled = u.Agency.IsDisabled })
            .SingleOrDefaultAsync();
        var stamp = principal.FindFirstValue(identityOptions.ClaimsIdentity.SecurityStampClaimType);
        string? reason = user switch
        {
            null => "user no longer exists",
            { IsDisabled: true } => "user disabled",
            { AgencyDisabled: true } => "agency disabled",
            _ when user.SecurityStamp != stamp => "security stamp changed",
            _ => null,
        };
        if (reason is null
            && !(Guid.TryParse(principal.FindFirstValue(OpenMashClaims.SessionId), out var sessionId)
                && await db.UserSessions.AnyAsync(s => s.Id == sessionId && s.UserId == userId && s.EndedAtUtc == null)))
        {
            reason = "session ended on the server (signed out)";
        }

        if (reason is null
            && long.TryParse(principal.FindFirstValue(OpenMashClaims.SignedInAt), CultureInfo.InvariantCulture, out var signedIn)
            && time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(signedIn) > TimeSpan.FromHours(security.AbsoluteTimeoutHours))
        {
            reason = "absolute session time-out";
        }

        if (reason is not null)
        {
            await RejectAsync(context, db, userId, reason);
            return;
        }

        var current = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == userId select r.Name!)
            .ToListAsync();
        var held = principal.FindAll(identityOptions.ClaimsIdentity.RoleClaimType).Select(c => c.Value);
        if (!current.Order(StringComparer.Ordinal).SequenceEqual(held.Order(StringComparer.Ordinal), StringComparer.Ordinal))
        {
            var signIn = services.GetRequiredService<SignInManager<AppUser>>();
            var fresh = await signIn.CreateUserPrincipalAsync((await signIn.UserManager.FindByIdAsync(userId.ToString()))!);
            var identity = (ClaimsIdentity)fresh.Identity!;
            foreach (var keep in principal.Claims.Where(c => c.Type is OpenMashClaims.SecondFactor or OpenMashClaims.SignedInAt or OpenMashClaims.SessionId))
            {
                identity.AddClaim(new Claim(keep.Type, keep.Value));
            }

            context.ReplacePrincipal(fresh);
            context.ShouldRenew = true;
        }
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context, OpenMashDbContext db, Guid? userId, string reason)
    {
        var actor = Actor.FromPrincipal(context.Principal);
        if (Guid.TryParse(context.Principal?.FindFirstValue(OpenMashClaims.SessionId), out var sessionId)
            && await db.UserSessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.EndedAtUtc == null) is { } session)
        {
            session.End(context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, reason);
        }

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        db.Audit(AuditActions.SessionEnded, AuditOutcome.Refused, "User", userId?.ToString(), detail: reason, actor: actor);
        await db.SaveChangesAsync();
    }
}
