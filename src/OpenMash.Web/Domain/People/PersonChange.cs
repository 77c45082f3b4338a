namespace OpenMash.Web.Domain.People;

/// <summary>
/// One entry of the person change feed: a save created, changed or removed this person (or one of their addresses).
/// Written in the same transaction as the change; every application instance reads the entries after the last one
/// it applied and re-reads those persons, so each instance's matching index and the duplicate queue follow changes
/// made anywhere. Old entries are pruned.
/// </summary>
public sealed class PersonChange : IHubScoped, IBookkeeping
{
    /// <summary>Increasing, given by the database; an entry with a lower id may still commit after a higher one is seen.</summary>
    public long Id { get; set; }

    public Guid HubId { get; set; }

    public Guid PersonId { get; set; }

    public DateTime RecordedAtUtc { get; set; }
}
