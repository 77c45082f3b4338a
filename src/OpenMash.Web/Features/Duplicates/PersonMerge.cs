using OpenMash.Web.Data;

namespace OpenMash.Web.Features.Duplicates;

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

/// <summary>Two persons a user has decided are not the same; the review queue no longer offers the pair.</summary>
public sealed class NotDuplicate : IHubScoped, IAuditSubjects
{
    public Guid HubId { get; set; }

    public Guid PersonA { get; set; }

    public Guid PersonB { get; set; }

    public Guid DecidedByUserId { get; set; }

    public DateTime DecidedAtUtc { get; set; }

    public IEnumerable<Guid> AuditSubjects => [PersonA, PersonB];

    public static (Guid A, Guid B) Order(Guid x, Guid y) => x.CompareTo(y) < 0 ? (x, y) : (y, x);
}

public sealed record MovedSubject(Guid ContactId, string Role, bool Dropped);

public sealed record RemovedRelationship(Guid Id, Guid PersonId, Guid RelatedPersonId, string Type);

public sealed record MergeMoves(
    List<MovedSubject> Subjects,
    List<Guid> RelationshipsFrom,
    List<Guid> RelationshipsTo,
    List<RemovedRelationship> RemovedRelationships,
    List<Guid> Involvements,
    List<Guid> Addresses);
