using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Duplicates;

/// <summary>A person of the user's hub not merged into another (the duplicate review compares live records only).</summary>
public sealed class LivePersonLoader(OpenMashDbContext db) : RecordLoader<Person>
{
    public override string TargetType => "Person";

    public override string NotFoundDetail => "not a live (unmerged) person of the user's hub";

    public override Task<IReadOnlyList<Guid>> SubjectsAnywhereAsync(Guid id, RouteValueDictionary route, CancellationToken ct) => db.OfPersonAsync(id, ct);

    protected override Task<Person?> LoadAsync(Guid id, RouteValueDictionary route, CancellationToken ct) =>
        db.Persons.AsNoTracking().Include(p => p.Addresses).SingleOrDefaultAsync(p => p.Id == id && p.MergedIntoId == null, ct);
}
