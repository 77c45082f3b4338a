namespace OpenMash.Web.Domain.Contacts;

/// <summary>A document, photo or e-mail kept with the contact and served only through the contact's authorisation.</summary>
public sealed class ContactAttachment : IHubScoped
{
    public Guid Id { get; set; }

    public Guid HubId { get; set; }

    public Guid ContactId { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long SizeBytes { get; set; }

    public required byte[] Content { get; set; }

    public DateTime UploadedAtUtc { get; set; }

    public Guid? UploadedByUserId { get; set; }
}
