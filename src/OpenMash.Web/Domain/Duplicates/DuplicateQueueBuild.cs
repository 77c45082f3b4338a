namespace OpenMash.Web.Domain.Duplicates;

/// <summary>
/// The first build of a hub's duplicate queue, which compares every person already there once, in batches, in id
/// order. Later changes reach the queue through the person change feed. Each batch checks and advances
/// <see cref="Version"/>, so two instances never write the same batch.
/// </summary>
public sealed class DuplicateQueueBuild : IHubScoped, IBookkeeping
{
    public Guid HubId { get; set; }

    /// <summary>The last person compared (in the build's id order), or null before the first batch.</summary>
    public Guid? ComparedThrough { get; set; }

    public int PersonsCompared { get; set; }

    public bool Finished { get; set; }

    public DateTime StartedAtUtc { get; set; }

    public DateTime? FinishedAtUtc { get; set; }

    public long Version { get; set; }
}
