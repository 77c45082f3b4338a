namespace OpenMash.Web.Domain.Contacts;

/// <summary>
/// One allocation of a contact to a worker of its hub: who allocated it, when, and from whom (none the first time).
/// Kept for every allocation and reallocation, so the contact's timeline shows its whole history.
/// </summary>
public sealed class ContactAllocation : IHubScoped
{
    public Guid Id { get; set; }

    public Guid HubId { get; set; }

    public Guid ContactId { get; set; }

    /// <summary>The worker it was allocated to before; null for the first allocation.</summary>
    public Guid? FromUserId { get; set; }

    public Guid ToUserId { get; set; }

    public Guid AllocatedByUserId { get; set; }

    public DateTime AllocatedAtUtc { get; set; }
}
