namespace OpenMash.Web.Features.Consent;

/// <summary>A confirmation of consent the referrer reported: what <see cref="ConsentService.ConfirmReportedAsync"/> checks before it writes.</summary>
public sealed class ConfirmConsentInput
{
    public IReadOnlyList<Guid> PersonIds { get; init; } = [];

    public ConsentGiver? GivenBy { get; init; }

    public string? GiverName { get; init; }

    public string? CompetenceNote { get; init; }

    public string? Evidence { get; init; }
}
