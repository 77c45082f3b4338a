namespace OpenMash.Web.Domain.Duplicates;

/// <summary>
/// How far the duplicate queue has followed the person change feed (one row for the whole database). Any instance
/// may apply the next entries; each write checks and advances <see cref="Version"/> in the transaction that changes
/// the pairs, so two instances never apply the same entries twice.
/// </summary>
public sealed class DuplicateQueueCursor : IBookkeeping
{
    public const int SingletonId = 1;

    public int Id { get; set; }

    /// <summary>The highest feed entry applied.</summary>
    public long FeedThrough { get; set; }

    /// <summary>Feed ids below <see cref="FeedThrough"/> not seen yet (a transaction that took them may still commit), with when each was first missed, as JSON.</summary>
    public string GapsJson { get; set; } = "{}";

    public long Version { get; set; }
}
