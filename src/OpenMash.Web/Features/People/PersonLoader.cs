using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.People;

/// <summary>A person of the user's hub, with their addresses.</summary>
public sealed class PersonLoader(OpenMashDbContext db) : RecordLoader<Person>
{
    public override string TargetType => "Person";

    public override string NotFoundDetail => "not a person of the user's hub";

    public override Task<IReadOnlyList<Guid>> SubjectsAnywhereAsync(Guid id, RouteValueDictionary route, CancellationToken ct) => db.OfPersonAsync(id, ct);

    protected override Task<Person?> LoadAsync(Guid id, RouteValueDictionary route, CancellationToken ct) =>
        db.Persons.AsNoTracking().Include(p => p.Addresses).SingleOrDefaultAsync(p => p.Id == id, ct);
}
