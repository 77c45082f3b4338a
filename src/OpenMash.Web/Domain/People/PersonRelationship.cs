namespace OpenMash.Web.Domain.People;

public sealed class PersonRelationship : IHubScoped, IAuditSubjects
{
    public Guid Id { get; set; }

    public Guid HubId { get; set; }

    public Guid PersonId { get; set; }

    public Guid RelatedPersonId { get; set; }

    /// <summary>What the related person is to this person: their parent or carer, sibling, and so on.</summary>
    public RelationshipType Type { get; set; }

    public IEnumerable<Guid> AuditSubjects => [PersonId, RelatedPersonId];
}
