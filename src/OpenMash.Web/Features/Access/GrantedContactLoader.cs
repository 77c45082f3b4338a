using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Access;

/// <summary>
/// A contact of the other hub that the live grant in the same address opens: held by the grant's owning hub and
/// naming one of the records the grant matched when it was made (and that hub's managers were told of). Loaded past
/// the hub filter, which is why it is checked against the grant here and nowhere else.
/// </summary>
public sealed class GrantedContactLoader(OpenMashDbContext db, TimeProvider time) : RecordLoader<Contact>
{
    public override string TargetType => "Contact";

    public override string NotFoundDetail => "not a contact the user's live break-glass grant opens";

    public override Task<IReadOnlyList<Guid>> SubjectsAnywhereAsync(Guid id, RouteValueDictionary route, CancellationToken ct) => db.OfContactAsync(id, ct);

    protected override async Task<Contact?> LoadAsync(Guid id, RouteValueDictionary route, CancellationToken ct)
    {
        if (!Guid.TryParse(route.GetValueOrDefault("grantId")?.ToString(), out var grantId)
            || await LiveGrantLoader.LiveAsync(db, time, grantId, ct) is not { } grant)
        {
            return null;
        }

        var matched = grant.MatchedIds.ToList();
        return await db.Contacts.IgnoreQueryFilters().AsNoTracking().Include(c => c.Subjects)
            .SingleOrDefaultAsync(c => c.Id == id && c.HubId == grant.OwningHubId && c.Subjects.Any(s => matched.Contains(s.PersonId)), ct);
    }
}
