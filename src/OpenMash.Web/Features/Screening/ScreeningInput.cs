namespace OpenMash.Web.Features.Screening;

/// <summary>A screening as entered: what <see cref="ScreeningService.SaveAsync"/> checks before it writes.</summary>
public sealed class ScreeningInput
{
    public RagRating? Rag { get; init; }

    public ThresholdLevel? Threshold { get; init; }

    public string? ThresholdRationale { get; init; }

    public bool? ChildSpokenTo { get; init; }

    public string? ChildViewsOrReason { get; init; }

    public SafeguardingThreshold? ConsentView { get; init; }

    public string? ConsentRationale { get; init; }

    public bool NoChecksNeeded { get; init; }

    public Article6Basis? LawfulBasis { get; init; }

    public OpenMash.Sharing.NotSoughtReason? WithoutConsentReason { get; init; }
}
