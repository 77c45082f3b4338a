using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;

namespace OpenMash.Web.Features.Admin;

/// <summary>
/// Administrators' changes to users and agencies of their own hub. Disabling a user or changing their roles
/// changes their security stamp, which ends their session on their next request. Separation of duties: a role that
/// opens children's records or gives administration (<see cref="Security.Roles.NeedSecondAdministrator"/>) is only
/// asked for (a <see cref="RoleGrant"/>) until a second administrator approves it, and a new account gets a one-time
/// set-up link, never a password the administrator could read.
/// </summary>
public sealed class AdminService(OpenMashDbContext db, UserManager<AppUser> users, TimeProvider time)
{
    public Guid HubId => db.Actor.HubId ?? throw new InvalidOperationException("No hub for the signed-in administrator.");

    public IQueryable<Agency> HubAgencies => db.Agencies.Where(a => a.Hubs.Any(h => h.HubId == HubId));

    public IQueryable<AppUser> HubUsers => db.Users.Where(u => u.HubId == HubId);

    public IQueryable<ApiClient> ApiClients => db.ApiClients.Where(c => c.HubId == HubId);

    /// <summary>A new account of this hub: no password, the roles that need no second administrator at once, the others asked for, and the set-up link's token (shown once).</summary>
    public async Task<(AppUser? User, string? SetUpToken, IReadOnlyList<string> Pending, IEnumerable<string> Errors)> CreateUserAsync(
        string userName, string displayName, Guid agencyId, IReadOnlyCollection<string> roles)
    {
        if (!await HubAgencies.AnyAsync(a => a.Id == agencyId && !a.IsDisabled))
        {
            return (null, null, [], ["Select an agency that serves this hub"]);
        }

        if (Security.Roles.CombinationProblem(roles) is { } problem)
        {
            return (null, null, [], [problem]);
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var user = new AppUser { UserName = userName, DisplayName = displayName, AgencyId = agencyId, HubId = HubId, LockoutEnabled = true };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            return (null, null, [], created.Errors.Select(e => e.Description));
        }

        var (now, pending) = Split(roles);
        Check(await users.AddToRolesAsync(user, now));
        RequestGrants(user.Id, pending);
        var token = IssueSetUpLink(user.Id);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return (user, token, pending, []);
    }

    /// <summary>
    /// Changes a user's roles and status in one transaction; nothing is saved unless every step succeeds. Roles taken
    /// away go at once; roles that need a second administrator are asked for. Returns the roles now waiting, or null
    /// when the user is not one of this hub's.
    /// </summary>
    public async Task<IReadOnlyList<string>?> UpdateUserAsync(Guid userId, IReadOnlyCollection<string> roles, bool disabled)
    {
        var user = await HubUsers.SingleOrDefaultAsync(u => u.Id == userId);
        if (user is null)
        {
            return null;
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var current = await users.GetRolesAsync(user);
        var (now, asked) = Split(roles.Except(current).ToList());
        var waiting = await db.Set<RoleGrant>().Where(g => g.UserId == userId && g.Status == RoleGrantStatus.Pending).ToListAsync();

        // A pending grant for a role no longer ticked is withdrawn (declined by the administrator who changed it).
        foreach (var stale in waiting.Where(g => !roles.Contains(g.Role)))
        {
            stale.Status = RoleGrantStatus.Declined;
            stale.DecidedByUserId = db.Actor.UserId;
            stale.DecidedAtUtc = time.GetUtcNow().UtcDateTime;
        }

        var pending = asked.Where(r => !waiting.Any(g => g.Role == r)).ToList();
        user.IsDisabled = disabled;
        Check(await users.RemoveFromRolesAsync(user, current.Except(roles)));
        Check(await users.AddToRolesAsync(user, now));
        RequestGrants(user.Id, pending);
        Check(await users.UpdateSecurityStampAsync(user));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return asked;
    }

    /// <summary>Role grants waiting in this hub, oldest first.</summary>
    public Task<List<RoleGrant>> PendingGrantsAsync() =>
        db.Set<RoleGrant>().AsNoTracking().Where(g => g.Status == RoleGrantStatus.Pending).OrderBy(g => g.RequestedAtUtc).ToListAsync();

    /// <summary>
    /// A second administrator approves or declines a grant (the guard's policy has already refused the requester and
    /// the account itself). An approval that would break the role rules is refused with the reason.
    /// </summary>
    public async Task<string?> DecideGrantAsync(RoleGrant grant, bool approve)
    {
        var admin = db.Actor.UserId ?? throw new InvalidOperationException("No signed-in administrator.");
        var tracked = await db.Set<RoleGrant>().SingleAsync(g => g.Id == grant.Id);
        if (tracked.Status != RoleGrantStatus.Pending)
        {
            return "This request has already been decided";
        }

        var user = await HubUsers.SingleAsync(u => u.Id == tracked.UserId);
        var current = await users.GetRolesAsync(user);
        if (approve && Security.Roles.CombinationProblem([.. current, tracked.Role]) is { } problem)
        {
            return problem;
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var now = time.GetUtcNow().UtcDateTime;
        if (approve)
        {
            tracked.Approve(admin, now);
            Check(await users.AddToRoleAsync(user, tracked.Role));
            Check(await users.UpdateSecurityStampAsync(user));
        }
        else
        {
            tracked.Decline(admin, now);
        }

        db.Audit(approve ? AuditActions.ApproveRoleGrant : AuditActions.DeclineRoleGrant, AuditOutcome.Allowed, nameof(RoleGrant), tracked.Id.ToString(),
            purpose: "Administration", detail: $"role {tracked.Role} for user {tracked.UserId}, asked for by {tracked.RequestedByUserId}");
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return null;
    }

    private static (List<string> Now, List<string> Pending) Split(IReadOnlyCollection<string> roles) =>
        (roles.Where(r => !Security.Roles.NeedSecondAdministrator.Contains(r)).ToList(), roles.Where(Security.Roles.NeedSecondAdministrator.Contains).ToList());

    private void RequestGrants(Guid userId, IEnumerable<string> roles)
    {
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var role in roles)
        {
            var grant = new RoleGrant
            {
                Id = Guid.NewGuid(),
                HubId = HubId,
                UserId = userId,
                Role = role,
                RequestedByUserId = db.Actor.UserId ?? throw new InvalidOperationException("No signed-in administrator."),
                RequestedAtUtc = now,
                Status = RoleGrantStatus.Pending,
            };
            db.Set<RoleGrant>().Add(grant);
            db.Audit(AuditActions.RequestRoleGrant, AuditOutcome.Allowed, nameof(RoleGrant), grant.Id.ToString(), purpose: "Administration",
                detail: $"role {role} for user {userId}: waits for a second administrator");
        }
    }

    /// <summary>Stores the hash of a new single-use token for the account and returns the token itself (for the link, shown once).</summary>
    private string IssueSetUpLink(Guid userId)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow().UtcDateTime;
        var link = new AccountSetUpLink
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            TokenHash = AccountSetUpLink.Hash(token),
            CreatedByUserId = db.Actor.UserId,
            CreatedAtUtc = now,
            ExpiresAtUtc = now + AccountSetUpLink.Lifetime,
        };
        db.Set<AccountSetUpLink>().Add(link);
        db.Audit(AuditActions.AccountSetUpLinkIssued, AuditOutcome.Allowed, "User", userId.ToString(), purpose: "Administration",
            detail: $"expires {link.ExpiresAtUtc:O}");
        return token;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Could not change the user: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
