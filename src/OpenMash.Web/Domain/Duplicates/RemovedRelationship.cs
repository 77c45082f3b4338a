namespace OpenMash.Web.Domain.Duplicates;

public sealed record RemovedRelationship(Guid Id, Guid PersonId, Guid RelatedPersonId, string Type);
