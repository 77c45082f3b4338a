namespace OpenMash.Web.Domain.Contacts;

/// <summary>
/// A manager gave a contact more time for its decision than the clock from receipt allows, with the reason; kept
/// for every extension so the contact's timeline shows who lengthened it, when, and why.
/// </summary>
public sealed class DecisionDueExtension : IHubScoped
{
    public Guid Id { get; set; }

    public Guid HubId { get; set; }

    public Guid ContactId { get; set; }

    public DateTime PreviousDueUtc { get; set; }

    public DateTime NewDueUtc { get; set; }

    public required string Reason { get; set; }

    public Guid ExtendedByUserId { get; set; }

    public DateTime ExtendedAtUtc { get; set; }
}
