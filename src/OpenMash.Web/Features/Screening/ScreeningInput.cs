namespace OpenMash.Web.Features.Screening;

public sealed record ScreeningInput(
    RagRating? Rag,
    ThresholdLevel? Threshold,
    string? ThresholdRationale,
    bool? ChildSpokenTo,
    string? ChildViewsOrReason,
    SafeguardingThreshold? ConsentView,
    string? ConsentRationale,
    bool NoChecksNeeded,
    Article6Basis? LawfulBasis = null,
    OpenMash.Sharing.NotSoughtReason? WithoutConsentReason = null);
