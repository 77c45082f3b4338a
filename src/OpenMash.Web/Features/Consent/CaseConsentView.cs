namespace OpenMash.Web.Features.Consent;

public sealed record CaseConsentView(
    Guid ContactId,
    bool Decided,
    bool? IntakeConsented,
    string? IntakeNoConsentReason,
    IReadOnlyDictionary<Guid, string> Names,
    IReadOnlyList<RecordedConsent> Consents,
    IReadOnlyList<ConsentOverrideRequest> Overrides,
    IReadOnlyList<SharingDecisionRecord> Decisions,
    IReadOnlyList<AgencyGate> Gates,
    bool BelowThreshold,
    bool MayRequestOverride,
    bool IsManager,
    DateTime NowUtc,
    IReadOnlyDictionary<Guid, string> AgencyNames);
