using OpenMash.Sharing;

namespace OpenMash.Web.Features.Consent;

public sealed record ConsentInput(
    IReadOnlyList<Guid> PersonIds,
    ConsentStatus? Status,
    ConsentGiver? GivenBy,
    string? GiverName,
    string? CompetenceNote,
    IReadOnlyList<AgencyType> AgencyTypes,
    IReadOnlyList<Guid> AgencyIds,
    IReadOnlyList<SharingPurpose> Purposes,
    DateOnly? DecidedOn,
    bool DecidedOnValid,
    DateOnly? ExpiresOn,
    bool ExpiresOnValid,
    string? Evidence,
    NotSoughtReason? NotSoughtReason);
