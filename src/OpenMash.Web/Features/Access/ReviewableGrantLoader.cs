using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Access;

/// <summary>A break-glass grant made by the user's hub: the only grants its IG officers review.</summary>
public sealed class ReviewableGrantLoader(OpenMashDbContext db) : RecordLoader<BreakGlassGrant>
{
    public override string TargetType => nameof(BreakGlassGrant);

    public override string NotFoundDetail => "not a grant made by the user's hub";

    public override async Task<IReadOnlyList<Guid>> SubjectsAnywhereAsync(Guid id, RouteValueDictionary route, CancellationToken ct) =>
        await db.Set<BreakGlassGrant>().AsNoTracking().SingleOrDefaultAsync(g => g.Id == id, ct) is { } grant ? grant.AuditSubjects.ToList() : [];

    protected override Task<BreakGlassGrant?> LoadAsync(Guid id, RouteValueDictionary route, CancellationToken ct) =>
        db.Set<BreakGlassGrant>().AsNoTracking().SingleOrDefaultAsync(g => g.Id == id && g.HubId == db.Actor.HubId, ct);
}
