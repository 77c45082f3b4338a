namespace OpenMash.Web.Domain.Duplicates;

/// <summary>
/// One merge of a duplicate person into the survivor, with everything it moved, so that unmerging restores both
/// records exactly as they were.
/// </summary>
public sealed class PersonMerge : IHubScoped, IAuditSubjects
{
    public Guid Id { get; set; }

    public Guid HubId { get; set; }

    public Guid SurvivorId { get; set; }

    public Guid MergedId { get; set; }

    public required string Reason { get; set; }

    public DateTime MergedAtUtc { get; set; }

    public Guid MergedByUserId { get; set; }

    public DateTime? UnmergedAtUtc { get; set; }

    public Guid? UnmergedByUserId { get; set; }

    /// <summary>The moves, as JSON (<see cref="MergeMoves"/>).</summary>
    public required string MovesJson { get; set; }

    public IEnumerable<Guid> AuditSubjects => [SurvivorId, MergedId];
}
