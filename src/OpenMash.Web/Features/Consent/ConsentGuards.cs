using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Consent;

/// <summary>A consent override of the user's hub whose contact is also the hub's.</summary>
public sealed class OverrideLoader(OpenMashDbContext db) : RecordLoader<ConsentOverrideRequest>
{
    public override string TargetType => nameof(ConsentOverrideRequest);

    public override string NotFoundDetail => "not an override of this hub";

    public override Task<IReadOnlyList<Guid>> SubjectsAnywhereAsync(Guid id, RouteValueDictionary route, CancellationToken ct) =>
        db.OfContactOfAsync(db.ConsentOverrides.IgnoreQueryFilters().Where(o => o.Id == id).Select(o => o.ContactId), ct);

    protected override async Task<ConsentOverrideRequest?> LoadAsync(Guid id, RouteValueDictionary route, CancellationToken ct) =>
        await db.ConsentOverrides.SingleOrDefaultAsync(o => o.Id == id, ct) is { } request && await db.Contacts.AnyAsync(c => c.Id == request.ContactId, ct)
            ? request
            : null;
}
