using OpenMash.Sharing;

namespace OpenMash.Web.Features.Consent;

public sealed record SharingDecisionInput(
    bool? Share,
    Guid? RecipientAgencyId,
    string? RecipientOrganisation,
    string? RecipientPerson,
    SharingPurpose? Purpose,
    string? Items,
    string? Reasons,
    Article6Basis? Article6,
    LawfulBasis? Condition,
    ConsentStatus? ConsentStatus,
    NotSoughtReason? NotSoughtReason,
    bool? FamilyTold,
    string? FamilyNotToldReason,
    bool? IdentitiesWithheld,
    string? IdentitiesWithheldDetail);
