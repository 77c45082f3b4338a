using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Security;

namespace OpenMash.Web.Features;

/// <summary>The home page: what this user's roles let them do, in their hub.</summary>
public sealed class IndexModel(OpenMashDbContext db) : PageModel
{
    public string HubName { get; private set; } = string.Empty;

    public string AgencyName { get; private set; } = string.Empty;

    public IReadOnlyList<string> UserRoles { get; private set; } = [];

    /// <summary>Break-glass access to this hub's records, for its MASH managers.</summary>
    public IReadOnlyList<Access.AccessNotice> Notices { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var actor = db.Actor;
        HubName = await db.Hubs.Where(h => h.Id == actor.HubId).Select(h => h.Name).SingleAsync();
        AgencyName = await db.Agencies.Where(a => a.Id == actor.AgencyId).Select(a => a.Name).SingleAsync();
        UserRoles = Roles.All.Where(User.IsInRole).ToList();
        if (User.IsInRole(Roles.MashManager))
        {
            Notices = await db.Set<Access.AccessNotice>().AsNoTracking().OrderByDescending(n => n.CreatedAtUtc).Take(10).ToListAsync();
        }
    }
}
