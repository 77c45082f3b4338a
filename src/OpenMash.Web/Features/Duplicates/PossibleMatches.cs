using Microsoft.EntityFrameworkCore;
using OpenMash.Matching;
using OpenMash.Web.Data;

namespace OpenMash.Web.Features.Duplicates;

/// <summary>The hub's existing persons the matcher thinks a newly described person may be, with its reasons.</summary>
public sealed class PossibleMatches(OpenMashDbContext db, PersonIndex index)
{
    public async Task<IReadOnlyList<PossibleMatch>> FindAsync(NewPerson p, CancellationToken ct = default)
    {
        if (p.ExistingPersonId is not null || (string.IsNullOrWhiteSpace(p.GivenNames) && string.IsNullOrWhiteSpace(p.FamilyName)))
        {
            return [];
        }

        return await FindAsync(new MatchRecord("new")
        {
            GivenNames = p.GivenNames,
            FamilyName = p.FamilyName,
            DateOfBirth = p.DateOfBirth is { } dob ? PartialDate.FromDate(dob) : default,
            Sex = PersonIndex.ToMatchSex(p.Sex),
            NhsNumber = string.IsNullOrWhiteSpace(p.NhsNumber) ? null : Identifiers.Normalise(p.NhsNumber),
            Postcode = p.Postcode,
            AddressLine = p.AddressLine1,
            Town = p.Town,
        }, ct);
    }

    public async Task<IReadOnlyList<PossibleMatch>> FindAsync(MatchRecord probe, CancellationToken ct = default)
    {
        var candidates = await index.FindAsync(db, probe, 5, ct);
        var ids = candidates.Select(c => Guid.TryParse(c.Id, out var g) ? g : Guid.Empty).ToList();
        var persons = await db.Persons.AsNoTracking().Include(x => x.Addresses).Where(x => ids.Contains(x.Id) && x.MergedIntoId == null).ToListAsync(ct);
        return candidates
            .Select(c => (Candidate: c, Person: persons.FirstOrDefault(x => x.Id.ToString() == c.Id)))
            .Where(x => x.Person is not null)
            .Select(x => new PossibleMatch(x.Person!, x.Candidate))
            .ToList();
    }
}
