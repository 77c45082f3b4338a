using OpenMash.Matching;

namespace OpenMash.Web.Features.Duplicates;

/// <summary>A possible existing record of a contact's person, with the match as it stands now (null once decided).</summary>
public sealed record ContactSuggestion(PossibleExistingRecord Record, Person Described, Person Existing, MatchCandidate? Match);
