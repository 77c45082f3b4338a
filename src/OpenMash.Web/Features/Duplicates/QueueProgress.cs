namespace OpenMash.Web.Features.Duplicates;

/// <summary>How far a hub's first duplicate queue build is: persons compared of those there when it began.</summary>
public sealed record QueueProgress(bool Finished, int Compared, int Total);
