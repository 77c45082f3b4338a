using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Duplicates;

/// <summary>A merge of two of the user's hub's people (the merge list's "undo" names one by a posted field).</summary>
public sealed class MergeLoader(OpenMashDbContext db) : RecordLoader<PersonMerge>
{
    public override string TargetType => nameof(PersonMerge);

    public override string NotFoundDetail => "not a merge of this hub";

    public override async Task<IReadOnlyList<Guid>> SubjectsAnywhereAsync(Guid id, RouteValueDictionary route, CancellationToken ct) =>
        await db.PersonMerges.IgnoreQueryFilters().AsNoTracking().Where(m => m.Id == id).Select(m => new[] { m.SurvivorId, m.MergedId }).SingleOrDefaultAsync(ct) ?? [];

    protected override Task<PersonMerge?> LoadAsync(Guid id, RouteValueDictionary route, CancellationToken ct) =>
        db.PersonMerges.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
}
