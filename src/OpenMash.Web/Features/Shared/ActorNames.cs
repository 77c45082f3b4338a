using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;

namespace OpenMash.Web.Features.Shared;

/// <summary>The name written on a record for the signed-in user: their display name, else their user name.</summary>
public static class ActorNames
{
    public static async Task<string> ActorDisplayNameAsync(this OpenMashDbContext db, CancellationToken ct = default) =>
        await db.Users.Where(u => u.Id == db.Actor.UserId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) ?? db.Actor.UserName ?? "unknown";
}
