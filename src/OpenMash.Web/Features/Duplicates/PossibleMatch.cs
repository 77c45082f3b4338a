using OpenMash.Matching;

namespace OpenMash.Web.Features.Duplicates;

public sealed record PossibleMatch(Person Person, MatchCandidate Match);
