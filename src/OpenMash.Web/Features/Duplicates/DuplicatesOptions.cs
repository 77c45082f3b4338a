namespace OpenMash.Web.Features.Duplicates;

/// <summary>The <c>Duplicates</c> settings: how this instance follows the person change feed and keeps the duplicate queue.</summary>
public sealed class DuplicatesOptions
{
    public const string Section = "Duplicates";

    /// <summary>How often the background service reads the feed and keeps the queue; 0 turns it off (pages and queries still catch up before answering).</summary>
    public double FeedEverySeconds { get; set; } = 1;

    /// <summary>How long an id skipped over in the feed is read again, waiting for the transaction that took it to commit.</summary>
    public int FeedGapSeconds { get; set; } = 300;

    /// <summary>Feed entries older than this are deleted (once the queue has applied them).</summary>
    public int FeedRetentionHours { get; set; } = 7 * 24;

    /// <summary>How often an instance prunes the feed.</summary>
    public int PruneEveryMinutes { get; set; } = 10;

    /// <summary>Persons compared per batch of the queue's first build.</summary>
    public int BuildBatchSize { get; set; } = 250;

    /// <summary>Pairs shown on each page of the queue.</summary>
    public int PageSize { get; set; } = 50;
}
