using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Access;

/// <summary>A break-glass grant of the signed-in user that has not expired: the only key to the other hub's contacts.</summary>
public sealed class LiveGrantLoader(OpenMashDbContext db, TimeProvider time) : RecordLoader<BreakGlassGrant>
{
    public override string TargetType => nameof(BreakGlassGrant);

    public override string NotFoundDetail => "not a live break-glass grant of this user";

    /// <summary>The grant's children and those of the contact in the address it was used to open.</summary>
    public override async Task<IReadOnlyList<Guid>> SubjectsAnywhereAsync(Guid id, RouteValueDictionary route, CancellationToken ct)
    {
        var grant = await db.Set<BreakGlassGrant>().AsNoTracking().SingleOrDefaultAsync(g => g.Id == id, ct);
        var contact = Guid.TryParse(route.GetValueOrDefault("contactId")?.ToString(), out var contactId) ? await db.OfContactAsync(contactId, ct) : [];
        return [.. (grant?.AuditSubjects ?? []).Union(contact)];
    }

    protected override Task<BreakGlassGrant?> LoadAsync(Guid id, RouteValueDictionary route, CancellationToken ct) => LiveAsync(db, time, id, ct);

    internal static Task<BreakGlassGrant?> LiveAsync(OpenMashDbContext db, TimeProvider time, Guid id, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var user = db.Actor.UserId;
        return db.Set<BreakGlassGrant>().AsNoTracking().SingleOrDefaultAsync(g => g.Id == id && g.UserId == user && g.ExpiresAtUtc > now, ct);
    }
}
