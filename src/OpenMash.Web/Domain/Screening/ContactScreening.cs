namespace OpenMash.Web.Domain.Screening;

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

    /// <summary>
    /// Above threshold harm is suspected and sharing without consent is lawful (the reason is recorded); below it,
    /// consent is needed before partner checks.
    /// </summary>
    public SafeguardingThreshold ConsentView { get; set; }

    /// <summary>Why sharing without consent is lawful (above threshold), or the consent position (below).</summary>
    public required string ConsentRationale { get; set; }

    /// <summary>UK GDPR Article 6 basis for sharing; null only on screenings saved before it was asked.</summary>
    public Article6Basis? LawfulBasis { get; set; }

    /// <summary>Above threshold: which of DPA 2018 Schedule 1 paragraph 18(c)(i)-(iii) applies to sharing without consent.</summary>
    public OpenMash.Sharing.NotSoughtReason? WithoutConsentReason { get; set; }

    /// <summary>
    /// Whether checks may go without consent: harm suspected (above threshold), and never at universal or early help,
    /// whatever an older screening row says (the screening form does not accept that pairing).
    /// </summary>
    public bool AllowsSharingWithoutConsent => ConsentView == SafeguardingThreshold.AboveThreshold && LevelAllowsSharingWithoutConsent(Threshold);

    /// <summary>Universal and early-help levels suspect no harm, so sharing at them needs consent.</summary>
    public static bool LevelAllowsSharingWithoutConsent(ThresholdLevel level) => level is not (ThresholdLevel.Universal or ThresholdLevel.EarlyHelp);
}
