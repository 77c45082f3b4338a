using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;

namespace OpenMash.Web.Features.Admin.Grants;

/// <summary>A role grant with the names an approver needs: who would hold the role, who asked, and whether the account has been set up.</summary>
public sealed record GrantRow(RoleGrant Grant, string UserName, string DisplayName, string Agency, string RequestedBy, bool SetUp, bool TwoFactor)
{
    public static async Task<List<GrantRow>> ForAsync(OpenMashDbContext db, IReadOnlyCollection<RoleGrant> grants)
    {
        var ids = grants.SelectMany(g => new[] { g.UserId, g.RequestedByUserId }).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.UserName, u.DisplayName, Agency = u.Agency.Name, SetUp = u.PasswordHash != null, u.TwoFactorEnabled }).ToDictionaryAsync(u => u.Id);
        return grants.Select(g => new GrantRow(g, people[g.UserId].UserName!, people[g.UserId].DisplayName, people[g.UserId].Agency,
            people.TryGetValue(g.RequestedByUserId, out var by) ? by.DisplayName : "Unknown user", people[g.UserId].SetUp, people[g.UserId].TwoFactorEnabled)).ToList();
    }
}
