namespace OpenMash.Web.Domain.Contacts;

/// <summary>A long form in progress, saved at every step so that a time-out loses nothing.</summary>
public sealed class ContactDraft : IHubScoped
{
    public Guid Id { get; set; }

    public Guid HubId { get; set; }

    public Guid UserId { get; set; }

    public required string Json { get; set; }

    public DateTime UpdatedAtUtc { get; set; }
}
