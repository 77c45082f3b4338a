namespace OpenMash.Web.Domain.Contacts;

/// <summary>
/// One amendment of a recorded contact: who made it, when, why, and each detail's value before and after
/// (<see cref="Changes"/>). Made only by <see cref="Contact.Amend"/>; kept for the contact's timeline and never changed.
/// </summary>
public sealed class ContactAmendment : IHubScoped
{
    public Guid Id { get; set; }

    public Guid HubId { get; set; }

    public Guid ContactId { get; set; }

    public required string Reason { get; set; }

    public Guid AmendedByUserId { get; set; }

    public DateTime AmendedAtUtc { get; set; }

    public List<ContactFieldChange> Changes { get; set; } = [];
}
