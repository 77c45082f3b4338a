using OpenMash.Matching;

namespace OpenMash.Web.Features.Duplicates;

/// <summary>The matcher's explanation for a pair of the hub's persons (the queue itself is <see cref="DuplicateQueue"/>'s table).</summary>
public sealed class DuplicateFinder(PersonIndex index)
{
    /// <summary>The matcher's explanation for one pair, field by field.</summary>
    public MatchCandidate Explain(Person a, Person b) => Matcher.Compare(index.Model, PersonIndex.ToRecord(a), PersonIndex.ToRecord(b));
}
