using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Decisions;

/// <summary>A decision (proposal) of the user's hub.</summary>
public sealed class DecisionLoader(OpenMashDbContext db) : RecordLoader<ContactDecision>
{
    public override string TargetType => nameof(ContactDecision);

    public override string NotFoundDetail => "not a decision of this hub";

    public override Task<IReadOnlyList<Guid>> SubjectsAnywhereAsync(Guid id, RouteValueDictionary route, CancellationToken ct) =>
        db.OfContactOfAsync(db.Decisions.IgnoreQueryFilters().Where(d => d.Id == id).Select(d => d.ContactId), ct);

    protected override Task<ContactDecision?> LoadAsync(Guid id, RouteValueDictionary route, CancellationToken ct) =>
        db.Decisions.SingleOrDefaultAsync(d => d.Id == id, ct);
}
