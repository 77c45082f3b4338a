using OpenMash.Matching;

namespace OpenMash.Web.Features.Duplicates;

public sealed record DuplicatePair(Person A, Person B, MatchCandidate Match);
