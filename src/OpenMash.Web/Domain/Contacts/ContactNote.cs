namespace OpenMash.Web.Domain.Contacts;

/// <summary>A case note on a contact: what a practitioner wrote, who and when. Notes are added, never changed.</summary>
public sealed class ContactNote : IHubScoped
{
    public const int MaxLength = 5000;

    public Guid Id { get; set; }

    public Guid HubId { get; set; }

    public Guid ContactId { get; set; }

    public required string Text { get; set; }

    public Guid WrittenByUserId { get; set; }

    public DateTime WrittenAtUtc { get; set; }
}
