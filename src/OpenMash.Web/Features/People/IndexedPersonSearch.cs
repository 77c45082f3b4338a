using Microsoft.EntityFrameworkCore;
using OpenMash.Matching;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Duplicates;

namespace OpenMash.Web.Features.People;

/// <summary>
/// People search through the hub's matcher index, so that a typo, a nickname, another name the person is known by,
/// part of a date of birth or a postcode still finds them, each result with the matcher's band (from its one
/// probability) and the reasons in people's words. Candidates below the possible threshold are kept, as "less
/// likely", when their details agree more than they differ (a positive match weight): in a large hub a name and a
/// year of birth alone cannot reach "possible", yet that is often all a caller knows. An NHS number or UPN finds
/// exactly the persons holding it.
/// The matcher scores a name against the other details: with no name to score (a postcode, a date of birth or an
/// identifier alone), or a single name with nothing else (which gives the index no blocking key), and whenever the
/// matcher finds nobody, the search is the exact one (<see cref="PlainPersonSearch"/>), labelled Exact.
/// Every person shown is loaded through the hub filter; the index only suggests identifiers.
/// </summary>
public sealed class IndexedPersonSearch(OpenMashDbContext db, PersonIndex index, PlainPersonSearch plain) : IPersonSearch
{
    /// <summary>The matcher's best candidates shown (the exact search shows up to <see cref="PlainPersonSearch.MaxResults"/>).</summary>
    public const int MaxResults = 20;

    public async Task<IReadOnlyList<PersonMatch>> SearchAsync(PersonQuery query, CancellationToken ct = default)
    {
        if (query.IsEmpty)
        {
            return [];
        }

        var nhs = string.IsNullOrWhiteSpace(query.NhsNumber) ? null : Identifiers.Normalise(query.NhsNumber);
        var upn = string.IsNullOrWhiteSpace(query.Upn) ? null : Identifiers.Normalise(query.Upn).ToUpperInvariant();

        // Ordered: the persons holding an identifier searched for, then the matcher's candidates best first.
        var found = new Dictionary<Guid, Found>();
        if (nhs is not null || upn is not null)
        {
            var byIdentifier = await db.Persons.AsNoTracking()
                .Where(p => p.MergedIntoId == null && ((nhs != null && p.NhsNumber == nhs) || (upn != null && p.Upn == upn)))
                .OrderBy(p => p.Id).Select(p => p.Id).Take(PlainPersonSearch.MaxResults).ToListAsync(ct);
            foreach (var id in byIdentifier)
            {
                found[id] = new Found(MatchStrength.SameIdentifier, 0, null, false);
            }
        }

        if (UsesMatcher(query))
        {
            foreach (var (candidate, byFormalName) in await CandidatesAsync(query, nhs, ct))
            {
                if (Guid.TryParse(candidate.Id, out var id) && (candidate.Band != MatchBand.None || candidate.Score > 0))
                {
                    var strength = candidate.Band switch { MatchBand.Likely => MatchStrength.Likely, MatchBand.Possible => MatchStrength.Possible, _ => MatchStrength.LessLikely };
                    found[id] = found.TryGetValue(id, out var known)
                        ? known with { Candidate = candidate, FormalName = byFormalName }
                        : new Found(strength, candidate.Probability, candidate, byFormalName);
                }
            }
        }

        if (found.Count == 0)
        {
            foreach (var match in await plain.SearchAsync(query, ct))
            {
                found[match.Id] = new Found(MatchStrength.Exact, 0, null, false);
            }
        }

        var ranked = found
            .OrderBy(f => f.Value.Strength == MatchStrength.SameIdentifier ? 0 : 1)
            .ThenByDescending(f => f.Value.Probability)
            .Take(PlainPersonSearch.MaxResults).ToList();
        var ids = ranked.Select(f => f.Key).ToList();

        // The hub filter decides what may be shown: a candidate it does not return (another hub's, merged, removed
        // since the index last read it) is dropped.
        var persons = await db.Persons.AsNoTracking().Include(p => p.Addresses)
            .Where(p => ids.Contains(p.Id) && p.MergedIntoId == null).ToDictionaryAsync(p => p.Id, ct);
        var results = new List<PersonMatch>(ranked.Count);
        foreach (var (id, f) in ranked)
        {
            if (!persons.TryGetValue(id, out var p))
            {
                continue;
            }

            var current = p.Addresses.Where(a => a.To == null).OrderByDescending(a => a.From).FirstOrDefault();
            results.Add(new PersonMatch(p.Id, p.GivenNames, p.FamilyName, p.DateOfBirth, p.DateOfBirthIsEstimated, p.ExpectedDeliveryDate, p.Sex, p.NhsNumber, current?.Postcode)
            {
                Strength = f.Strength,
                Reasons = MatchReasons.For(query, p, f.Candidate, f.FormalName),
            });
        }

        return results;
    }

    /// <summary>
    /// The index needs a name to score, and a blocking key to find candidates by: two or more names, or one name
    /// with a date of birth (or its year), a postcode or an NHS number.
    /// </summary>
    public static bool UsesMatcher(PersonQuery query) =>
        query.NameWords.Count >= 2
        || (query.NameWords.Count == 1 && (!query.DateOfBirth.IsEmpty || !string.IsNullOrWhiteSpace(query.Postcode) || !string.IsNullOrWhiteSpace(query.NhsNumber)));

    /// <summary>
    /// The matcher's candidates for the details searched. The index pairs a nickname with its formal name only
    /// together with a whole date of birth; so when a first name searched is a nickname (Bill), the formal name
    /// (William) is searched as well, and a person found only that way is scored as if William had been typed
    /// (the reasons still say it was a nickname).
    /// </summary>
    private async Task<List<(MatchCandidate Candidate, bool ByFormalName)>> CandidatesAsync(PersonQuery query, string? nhs, CancellationToken ct)
    {
        var probe = new MatchRecord("search")
        {
            FullName = query.Name,
            DateOfBirth = query.DateOfBirth,
            NhsNumber = nhs,
            Postcode = string.IsNullOrWhiteSpace(query.Postcode) ? null : PersonAddress.NormalisePostcode(query.Postcode),
        };
        var all = (await index.FindIncludingUnlikelyAsync(db, probe, MaxResults, ct)).Select(c => (c, false)).ToList();
        var words = query.NameWords;
        if (words.Count >= 2)
        {
            var seen = all.Select(c => c.c.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var formal in GivenNameVariants.FormalNames(words[0].ToLowerInvariant()).Distinct(StringComparer.Ordinal))
            {
                var byFormal = probe with { FullName = string.Join(' ', words.Skip(1).Prepend(formal)) };
                foreach (var c in await index.FindIncludingUnlikelyAsync(db, byFormal, MaxResults, ct))
                {
                    if (seen.Add(c.Id))
                    {
                        all.Add((c, true));
                    }
                }
            }
        }

        return all;
    }

    private sealed record Found(MatchStrength Strength, double Probability, MatchCandidate? Candidate, bool FormalName);
}
