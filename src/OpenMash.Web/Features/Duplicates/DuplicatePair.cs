using OpenMash.Matching;

namespace OpenMash.Web.Features.Duplicates;

/// <summary>A pair on the queue page: the two live records and the stored probability, with the label derived from it.</summary>
public sealed record DuplicatePair(Person A, Person B, double Probability, MatchBand Band);
