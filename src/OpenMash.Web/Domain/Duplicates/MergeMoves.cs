namespace OpenMash.Web.Domain.Duplicates;

public sealed record MergeMoves(
    List<MovedSubject> Subjects,
    List<Guid> RelationshipsFrom,
    List<Guid> RelationshipsTo,
    List<RemovedRelationship> RemovedRelationships,
    List<Guid> Involvements,
    List<Guid> Addresses);
