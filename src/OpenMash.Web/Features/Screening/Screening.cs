using OpenMash.Web.Data;
using OpenMash.Web.Features.Timeliness;

namespace OpenMash.Web.Features.Screening;

public enum ThresholdLevel
{
    Universal,
    EarlyHelp,
    ChildInNeed,
    ChildProtection,
}

/// <summary>
/// Above threshold harm is suspected and sharing without consent is lawful (the reason is recorded); below it,
/// consent is needed before partner checks.
/// </summary>
public enum ConsentView
{
    AboveThreshold,
    BelowThreshold,
}

/// <summary>The screener's assessment of one contact.</summary>
public sealed class ContactScreening : IHubScoped
{
    public Guid ContactId { get; set; }

    public Guid HubId { get; set; }

    public Guid ScreenedByUserId { get; set; }

    public DateTime ScreenedAtUtc { get; set; }

    public RagRating Rag { get; set; }

    public ThresholdLevel Threshold { get; set; }

    public required string ThresholdRationale { get; set; }

    public bool ChildSpokenTo { get; set; }

    /// <summary>The child's views, or why they were not spoken to.</summary>
    public required string ChildViewsOrReason { get; set; }

    public ConsentView ConsentView { get; set; }

    /// <summary>Why sharing without consent is lawful (above threshold), or the consent position (below).</summary>
    public required string ConsentRationale { get; set; }

    /// <summary>UK GDPR Article 6 basis for sharing; null only on screenings saved before it was asked.</summary>
    public Consent.Article6Basis? LawfulBasis { get; set; }

    /// <summary>Above threshold: which of DPA 2018 Schedule 1 paragraph 18(c)(i)-(iii) applies to sharing without consent.</summary>
    public OpenMash.Sharing.NotSoughtReason? WithoutConsentReason { get; set; }
}

public static class ScreeningNames
{
    public static string DisplayName(this ThresholdLevel level) => level switch
    {
        ThresholdLevel.Universal => "Level 1: universal",
        ThresholdLevel.EarlyHelp => "Level 2: early help",
        ThresholdLevel.ChildInNeed => "Level 3: child in need (s17)",
        _ => "Level 4: child protection (s47)",
    };

    public static string DisplayName(this RagRating rag) => rag switch
    {
        RagRating.Red => "Red",
        RagRating.Amber => "Amber",
        _ => "Green",
    };
}
