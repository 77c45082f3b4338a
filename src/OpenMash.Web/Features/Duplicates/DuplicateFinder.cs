using Microsoft.EntityFrameworkCore;
using OpenMash.Matching;
using OpenMash.Web.Data;

namespace OpenMash.Web.Features.Duplicates;

/// <summary>Pairs of the hub's persons the matcher thinks may be one person, not yet merged or dismissed.</summary>
public sealed class DuplicateFinder(OpenMashDbContext db, PersonIndex index)
{
    public async Task<IReadOnlyList<DuplicatePair>> FindAsync(CancellationToken ct = default)
    {
        var persons = await db.Persons.AsNoTracking().Include(p => p.Addresses).Where(p => p.MergedIntoId == null).ToListAsync(ct);
        var byId = persons.ToDictionary(p => p.Id.ToString());
        var dismissed = (await db.NotDuplicates.Select(n => new { n.PersonA, n.PersonB }).ToListAsync(ct)).Select(n => (n.PersonA, n.PersonB)).ToHashSet();
        var pairs = new Dictionary<(Guid, Guid), DuplicatePair>();
        foreach (var person in persons)
        {
            foreach (var candidate in await index.FindAsync(db, PersonIndex.ToRecord(person), 5, ct))
            {
                if (candidate.Id == person.Id.ToString() || !byId.TryGetValue(candidate.Id, out var other))
                {
                    continue;
                }

                var key = NotDuplicate.Order(person.Id, other.Id);
                if (!dismissed.Contains(key) && !pairs.ContainsKey(key))
                {
                    pairs[key] = new DuplicatePair(person, other, await index.CompareAsync(db, person, other, ct));
                }
            }
        }

        return pairs.Values.Where(p => p.Match.Band != MatchBand.None).OrderByDescending(p => p.Match.Probability).ToList();
    }

    /// <summary>The matcher's explanation for one pair, field by field, with the same probability the list shows.</summary>
    public Task<MatchCandidate> ExplainAsync(Person a, Person b, CancellationToken ct = default) => index.CompareAsync(db, a, b, ct);
}
