namespace OpenMash.Web.Domain.People;

/// <summary>How a person search result was found. Likely and Possible are the matcher's bands of its probability.</summary>
public enum MatchStrength
{
    /// <summary>Found by the NHS number or UPN searched for, exactly.</summary>
    SameIdentifier,

    /// <summary>The matcher's probability is at or above its likely threshold.</summary>
    Likely,

    /// <summary>At or above the possible threshold, below the likely one.</summary>
    Possible,

    /// <summary>Below the possible threshold, but the details agree more than they differ (a positive match weight).</summary>
    LessLikely,

    /// <summary>Every detail entered matches as typed (the exact search, used where the matcher cannot score).</summary>
    Exact,
}
