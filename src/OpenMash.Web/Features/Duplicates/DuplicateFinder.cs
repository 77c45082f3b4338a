using OpenMash.Matching;
using OpenMash.Web.Data;

namespace OpenMash.Web.Features.Duplicates;

/// <summary>The matcher's explanation for a pair of the hub's persons (the queue itself is <see cref="DuplicateQueue"/>'s table).</summary>
public sealed class DuplicateFinder(OpenMashDbContext db, PersonIndex index)
{
    /// <summary>The matcher's explanation for one pair, field by field, with the same probability the list shows.</summary>
    public Task<MatchCandidate> ExplainAsync(Person a, Person b, CancellationToken ct = default) => index.CompareAsync(db, a, b, ct);
}
