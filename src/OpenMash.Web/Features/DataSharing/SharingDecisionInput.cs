using OpenMash.Sharing;

namespace OpenMash.Web.Features.DataSharing;

/// <summary>A sharing decision as entered: what <see cref="SharingDecisionService.RecordSharingDecisionAsync"/> checks before it writes.</summary>
public sealed class SharingDecisionInput
{
    public bool? Share { get; init; }

    public Guid? RecipientAgencyId { get; init; }

    public string? RecipientOrganisation { get; init; }

    public string? RecipientPerson { get; init; }

    public SharingPurpose? Purpose { get; init; }

    public string? Items { get; init; }

    public string? Reasons { get; init; }

    public Article6Basis? Article6 { get; init; }

    public LawfulBasis? Condition { get; init; }

    public ConsentStatus? ConsentStatus { get; init; }

    public NotSoughtReason? NotSoughtReason { get; init; }

    public bool? FamilyTold { get; init; }

    public string? FamilyNotToldReason { get; init; }

    public bool? IdentitiesWithheld { get; init; }

    public string? IdentitiesWithheldDetail { get; init; }
}
