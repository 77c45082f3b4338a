using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Checks;

/// <summary>A check of the user's hub with the agency asked; whose agency may open it is the page's policy.</summary>
public sealed class CheckLoader(OpenMashDbContext db) : RecordLoader<MultiAgencyCheck>
{
    public override string TargetType => nameof(MultiAgencyCheck);

    public override string NotFoundDetail => "not a check of this hub";

    public override Task<IReadOnlyList<Guid>> SubjectsAnywhereAsync(Guid id, RouteValueDictionary route, CancellationToken ct) =>
        db.OfContactOfAsync(db.Checks.IgnoreQueryFilters().Where(c => c.Id == id).Select(c => c.ContactId), ct);

    protected override Task<MultiAgencyCheck?> LoadAsync(Guid id, RouteValueDictionary route, CancellationToken ct) =>
        db.Checks.Include(c => c.Agency).Include(c => c.People).SingleOrDefaultAsync(c => c.Id == id, ct);
}
