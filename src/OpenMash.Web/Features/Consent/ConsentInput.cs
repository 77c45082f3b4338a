using OpenMash.Sharing;

namespace OpenMash.Web.Features.Consent;

/// <summary>A consent record as entered: what <see cref="ConsentService.RecordConsentAsync"/> checks before it writes.</summary>
public sealed class ConsentInput
{
    public IReadOnlyList<Guid> PersonIds { get; init; } = [];

    public ConsentStatus? Status { get; init; }

    public ConsentGiver? GivenBy { get; init; }

    public string? GiverName { get; init; }

    public string? CompetenceNote { get; init; }

    public IReadOnlyList<AgencyType> AgencyTypes { get; init; } = [];

    public IReadOnlyList<Guid> AgencyIds { get; init; } = [];

    public IReadOnlyList<SharingPurpose> Purposes { get; init; } = [];

    public DateOnly? DecidedOn { get; init; }

    public bool DecidedOnValid { get; init; }

    public DateOnly? ExpiresOn { get; init; }

    public bool ExpiresOnValid { get; init; }

    public string? Evidence { get; init; }

    public NotSoughtReason? NotSoughtReason { get; init; }
}
