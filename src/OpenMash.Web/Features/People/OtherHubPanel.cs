namespace OpenMash.Web.Features.People;

/// <summary>What the other-hub panel shows on a person's record or under search results.</summary>
public sealed record OtherHubPanel(IReadOnlyList<OtherHubRecord> Records, Guid? LocalPersonId, bool MayBreakGlass, bool MaySeeAccessHistory, IReadOnlyDictionary<Guid, string>? LocalNames = null);
