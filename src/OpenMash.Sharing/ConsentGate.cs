namespace OpenMash.Sharing;

public enum ConsentStatus
{
    Given,
    Refused,
    Withdrawn,
    NotSought,

    /// <summary>Consent was sought and the family has not answered yet: below threshold, checks wait for the answer.</summary>
    Sought,
}

/// <summary>DPA 2018 Schedule 1 paragraph 18(c)(i)-(iii): why consent was not sought.</summary>
public enum NotSoughtReason
{
    CannotBeGiven,
    CannotReasonablyBeObtained,
    WouldPrejudiceProtection,
}

public enum LawfulBasis
{
    None,
    Consent,

    /// <summary>DPA 2018 Schedule 1 paragraph 18, safeguarding of children and individuals at risk.</summary>
    SafeguardingOfChildren,

    /// <summary>DPA 2018 Schedule 8 paragraph 4, the law enforcement (Part 3) equivalent, for police.</summary>
    LawEnforcementSafeguarding,
}

public enum SafeguardingThreshold
{
    /// <summary>Early help or support without concern of harm: consent is normally needed.</summary>
    BelowThreshold,

    /// <summary>A child at risk of harm: share without consent under the safeguarding condition.</summary>
    AboveThreshold,
}

/// <summary>Which agencies (by type or by id) and purposes a consent covers.</summary>
public sealed record ConsentScope(
    IReadOnlySet<AgencyType> AgencyTypes,
    IReadOnlySet<AgencyId> Agencies,
    IReadOnlySet<SharingPurpose> Purposes)
{
    public bool Covers(AgencyId agency, AgencyType type, SharingPurpose purpose) =>
        Purposes.Contains(purpose) && (AgencyTypes.Contains(type) || Agencies.Contains(agency));
}

/// <summary>
/// One recorded consent event; a later record in scope supersedes earlier ones (e.g. a withdrawal). A record that is
/// not <paramref name="Confirmed"/> is a claim (the referrer reported that the family consented): it is never relied
/// on and supersedes nothing until a practitioner confirms it.
/// </summary>
public sealed record ConsentRecord(
    ConsentStatus Status,
    ConsentScope Scope,
    DateTimeOffset RecordedAt,
    DateTimeOffset? ExpiresAt,
    string? GivenBy,
    bool Confirmed = true);

/// <summary>A manager's approval to proceed below threshold without consent; stored on the contact.</summary>
public sealed record ConsentOverride(string ApprovedBy, DateTimeOffset ApprovedAt, string Reason);

public sealed record ConsentGateRequest(
    SafeguardingThreshold Threshold,
    AgencyId DestinationAgency,
    AgencyType DestinationAgencyType,
    SharingPurpose Purpose,
    DateTimeOffset At,
    IReadOnlyList<ConsentRecord> Consents,
    ConsentOverride? Override,
    NotSoughtReason? NotSoughtReason,
    string? SafeguardingJustification,
    AgencyType DiscloserAgencyType);

public enum ConsentGateOutcome
{
    Proceed,
    Blocked,
}

public sealed record ConsentGateResult(ConsentGateOutcome Outcome, LawfulBasis LawfulBasis, ConsentStatus ConsentStatus, string Reason)
{
    public bool MayProceed => Outcome == ConsentGateOutcome.Proceed;
}

/// <summary>
/// Decides whether checks may go to a partner. Below threshold: consent in scope, given, not expired and not
/// superseded by a refusal or withdrawal, unless a manager approved an override. Above threshold: the
/// safeguarding condition without consent, which needs a recorded justification, and where consent was not
/// sought, which of the three statutory reasons applies. The condition is the discloser's, not the recipient's: a
/// police discloser processes under DPA 2018 Part 3, so Schedule 8 paragraph 4; every other discloser (children's
/// social care sending a check request to police included) Schedule 1 paragraph 18. A claim of consent that is not
/// confirmed, and consent sought but not yet answered, never release checks below threshold.
/// </summary>
public static class ConsentGate
{
    public static ConsentGateResult Evaluate(ConsentGateRequest request)
    {
        var inScope = request.Consents
            .Where(c => c.RecordedAt <= request.At && c.Scope.Covers(request.DestinationAgency, request.DestinationAgencyType, request.Purpose))
            .ToList();
        var consent = inScope.Where(c => c.Confirmed).MaxBy(c => c.RecordedAt);
        var unconfirmed = inScope.Any(c => !c.Confirmed && (consent is null || c.RecordedAt > consent.RecordedAt));
        var expired = consent is { Status: ConsentStatus.Given, ExpiresAt: { } expires } && expires <= request.At;
        var status = consent is null || expired ? ConsentStatus.NotSought : consent.Status;
        var safeguarding = request.DiscloserAgencyType == AgencyType.Police
            ? LawfulBasis.LawEnforcementSafeguarding
            : LawfulBasis.SafeguardingOfChildren;
        var condition = safeguarding == LawfulBasis.LawEnforcementSafeguarding
            ? "DPA 2018 Schedule 8 paragraph 4"
            : "DPA 2018 Schedule 1 paragraph 18";

        if (request.Threshold == SafeguardingThreshold.AboveThreshold)
        {
            if (string.IsNullOrWhiteSpace(request.SafeguardingJustification))
                return Blocked(status, "Record why sharing is necessary to protect the child before sending checks.");
            if (status == ConsentStatus.NotSought && request.NotSoughtReason is null)
                return Blocked(status, "Record why consent was not sought: it cannot be given, cannot reasonably be obtained, or seeking it would prejudice the child's protection.");
            var consentNote = status switch
            {
                ConsentStatus.Given => "consent was given but is not relied on",
                ConsentStatus.Refused => "consent was refused",
                ConsentStatus.Withdrawn => "consent was withdrawn",
                ConsentStatus.Sought => "consent was sought and the answer is awaited",
                _ when unconfirmed => $"the referrer reported consent, which is not confirmed and not relied on; consent not sought ({NotSoughtWords(request.NotSoughtReason)})",
                _ => $"consent not sought ({NotSoughtWords(request.NotSoughtReason)})",
            };
            return new ConsentGateResult(ConsentGateOutcome.Proceed, safeguarding, status,
                $"Above threshold: sharing without consent under {condition}; {consentNote}. Justification: {request.SafeguardingJustification}");
        }

        if (status == ConsentStatus.Given)
        {
            return new ConsentGateResult(ConsentGateOutcome.Proceed, LawfulBasis.Consent, status,
                $"Below threshold: consent given by {consent!.GivenBy ?? "the family"} on {consent.RecordedAt:yyyy-MM-dd} covers this agency and purpose.");
        }

        if (request.Override is { } approved)
        {
            return new ConsentGateResult(ConsentGateOutcome.Proceed, safeguarding, status,
                $"Below threshold without consent: override approved by {approved.ApprovedBy} on {approved.ApprovedAt:yyyy-MM-dd} under {condition}. Reason: {approved.Reason}");
        }

        var why = status switch
        {
            ConsentStatus.Refused => "consent was refused",
            ConsentStatus.Withdrawn => "consent was withdrawn",
            ConsentStatus.Sought => "consent was sought and the family has not answered yet",
            _ when unconfirmed => "the referrer reported that the family consented, but no practitioner has confirmed it with the family",
            _ when expired => "the consent on record has expired",
            _ => "no consent on record covers this agency and purpose",
        };
        var next = status == ConsentStatus.Sought
            ? "Record the family's answer when it comes"
            : unconfirmed ? "Confirm the reported consent with the family, or record what they say" : "Seek consent";
        return Blocked(status, $"Below threshold: {why}. {next}, or ask a manager to approve an override if the child's protection requires it.");
    }

    private static string NotSoughtWords(NotSoughtReason? reason) => reason switch
    {
        NotSoughtReason.CannotBeGiven => "it cannot be given",
        NotSoughtReason.CannotReasonablyBeObtained => "it cannot reasonably be obtained",
        NotSoughtReason.WouldPrejudiceProtection => "seeking it would prejudice the child's protection",
        _ => "no reason recorded",
    };

    private static ConsentGateResult Blocked(ConsentStatus status, string reason) =>
        new(ConsentGateOutcome.Blocked, LawfulBasis.None, status, reason);
}
