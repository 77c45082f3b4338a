namespace OpenMash.Web.Features.Screening;

/// <summary>A <see cref="ScreeningInput"/> that passed <see cref="ScreeningService.Validate"/>: every answer given, text trimmed.</summary>
public sealed class ValidatedScreening
{
    public required RagRating Rag { get; init; }

    public required ThresholdLevel Threshold { get; init; }

    public required string ThresholdRationale { get; init; }

    public required bool ChildSpokenTo { get; init; }

    public required string ChildViewsOrReason { get; init; }

    public required SafeguardingThreshold ConsentView { get; init; }

    public required string ConsentRationale { get; init; }

    public required bool NoChecksNeeded { get; init; }

    public required Article6Basis LawfulBasis { get; init; }

    /// <summary>Why information is shared without consent; only above threshold.</summary>
    public required OpenMash.Sharing.NotSoughtReason? WithoutConsentReason { get; init; }
}
