namespace OpenMash.Web.Domain.Contacts;

public sealed class ContactSubject : IHubScoped
{
    public Guid ContactId { get; set; }

    public Guid PersonId { get; set; }

    public Guid HubId { get; set; }

    public SubjectRole Role { get; set; }
}
