using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;

namespace OpenMash.Web.Features.Admin;

/// <summary>
/// Administrators' changes to users and agencies of their own hub. Disabling a user or changing their roles
/// changes their security stamp, which ends their session on their next request.
/// </summary>
public sealed class AdminService(OpenMashDbContext db, UserManager<AppUser> users)
{
    public Guid HubId => db.Actor.HubId ?? throw new InvalidOperationException("No hub for the signed-in administrator.");

    public IQueryable<Agency> HubAgencies => db.Agencies.Where(a => a.Hubs.Any(h => h.HubId == HubId));

    public IQueryable<AppUser> HubUsers => db.Users.Where(u => u.HubId == HubId);

    public IQueryable<ApiClient> ApiClients => db.ApiClients.Where(c => c.HubId == HubId);

    public async Task<(AppUser? User, IEnumerable<string> Errors)> CreateUserAsync(string userName, string displayName, Guid agencyId, IReadOnlyCollection<string> roles, string password)
    {
        if (!await HubAgencies.AnyAsync(a => a.Id == agencyId && !a.IsDisabled))
        {
            return (null, ["Select an agency that serves this hub"]);
        }

        if (Security.Roles.CombinationProblem(roles) is { } problem)
        {
            return (null, [problem]);
        }

        var user = new AppUser { UserName = userName, DisplayName = displayName, AgencyId = agencyId, HubId = HubId, LockoutEnabled = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return (null, created.Errors.Select(e => e.Description));
        }

        await users.AddToRolesAsync(user, roles);
        return (user, []);
    }

    /// <summary>Changes a user's roles and status in one transaction; nothing is saved unless every step succeeds.</summary>
    public async Task<bool> UpdateUserAsync(Guid userId, IReadOnlyCollection<string> roles, bool disabled)
    {
        var user = await HubUsers.SingleOrDefaultAsync(u => u.Id == userId);
        if (user is null)
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var current = await users.GetRolesAsync(user);
        user.IsDisabled = disabled;
        foreach (var step in new Func<Task<IdentityResult>>[]
        {
            () => users.RemoveFromRolesAsync(user, current.Except(roles)),
            () => users.AddToRolesAsync(user, roles.Except(current)),
            () => users.UpdateSecurityStampAsync(user),
        })
        {
            var result = await step();
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("Could not change the user: " + string.Join("; ", result.Errors.Select(e => e.Description)));
            }
        }

        await transaction.CommitAsync();
        return true;
    }
}
