using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Duplicates;

/// <summary>A "possible existing record" suggested at intake in the user's hub.</summary>
public sealed class PossibleRecordLoader(OpenMashDbContext db) : RecordLoader<PossibleExistingRecord>
{
    public override string TargetType => nameof(PossibleExistingRecord);

    public override string NotFoundDetail => "not a possible existing record of this hub";

    public override async Task<IReadOnlyList<Guid>> SubjectsAnywhereAsync(Guid id, RouteValueDictionary route, CancellationToken ct) =>
        await db.PossibleExistingRecords.IgnoreQueryFilters().AsNoTracking().Where(r => r.Id == id).Select(r => new[] { r.PersonId, r.CandidateId }).SingleOrDefaultAsync(ct) ?? [];

    protected override Task<PossibleExistingRecord?> LoadAsync(Guid id, RouteValueDictionary route, CancellationToken ct) =>
        db.PossibleExistingRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
}
