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

    /// <summary>The child (or other person named in the contact) the document is about, when it was added for one of them.</summary>
    public Guid? PersonId { get; set; }

    /// <summary>Added after the contact was recorded (not sent with it): shown on the timeline, and its worker was told.</summary>
    public bool AddedLater { get; set; }
}
