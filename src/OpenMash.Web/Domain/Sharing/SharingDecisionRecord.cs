using OpenMash.Sharing;

namespace OpenMash.Web.Domain.Sharing;

/// <summary>
/// A decision to share or not to share, with everything the 2024 information sharing advice asks to be recorded:
/// who decided and when, the reasons, which items, the recipient, the purpose, the lawful basis, the consent position
/// or override, whether the family was told and identities withheld.
/// </summary>
public sealed class SharingDecisionRecord : IHubScoped
{
    public Guid Id { get; set; }

    public Guid HubId { get; set; }

    public Guid ContactId { get; set; }

    public SharingDecisionOrigin Origin { get; set; }

    public Guid? CheckId { get; set; }

    public Guid DecidedByUserId { get; set; }

    public required string DecidedByName { get; set; }

    public DateTime DecidedAtUtc { get; set; }

    public bool Share { get; set; }

    /// <summary>The agency disclosing (the decider's agency): its processing, not the recipient's, picks <see cref="Condition"/>.</summary>
    public Guid? DiscloserAgencyId { get; set; }

    /// <summary>The disclosing organisation's name; null on records written before it was kept.</summary>
    public string? DiscloserOrganisation { get; set; }

    public required string Reasons { get; set; }

    public required string Items { get; set; }

    public Guid? RecipientAgencyId { get; set; }

    public required string RecipientOrganisation { get; set; }

    public string? RecipientPerson { get; set; }

    public SharingPurpose Purpose { get; set; }

    public Article6Basis? Article6 { get; set; }

    /// <summary>
    /// The discloser's condition for special category or police data: Schedule 8 para 4 when police disclose (Part 3),
    /// Schedule 1 para 18 for every other discloser, consent, or none.
    /// </summary>
    public LawfulBasis Condition { get; set; }

    public ConsentStatus ConsentStatus { get; set; }

    public NotSoughtReason? NotSoughtReason { get; set; }

    public Guid? ConsentOverrideId { get; set; }

    public bool FamilyTold { get; set; }

    public string? FamilyNotToldReason { get; set; }

    /// <summary>Whose identity was withheld and why (a referrer, a neighbour); null when none was.</summary>
    public string? IdentitiesWithheld { get; set; }
}
