namespace OpenMash.Sharing;

/// <summary>Ordered: a higher value shares more.</summary>
public enum SharingOutcome
{
    Deny = 0,
    ExistenceOnly = 1,
    Content = 2,
}

public enum DecisionReason
{
    /// <summary>An allow set the outcome.</summary>
    AllowedByAgreement,

    /// <summary>A deny set the outcome (Deny, or ExistenceOnly when the deny covers content only).</summary>
    DeniedByAgreement,

    /// <summary>No agreement allows anything here: default deny.</summary>
    NoAgreement,

    /// <summary>The source or destination agency is not in the policy's agency registry.</summary>
    UnknownAgency,

    /// <summary>The request names a category or purpose this build does not know.</summary>
    InvalidRequest,

    /// <summary>No policy is loaded, or the latest one failed to load or compile: fail closed.</summary>
    PolicyUnavailable,
}

/// <summary>What may be shared from one agency to another for one category and purpose at one instant.</summary>
public readonly record struct SharingRequest(
    AgencyId SourceAgency,
    HubId SourceHub,
    AgencyId DestinationAgency,
    HubId DestinationHub,
    DataCategory Category,
    SharingPurpose Purpose,
    DateTimeOffset At);

/// <summary>
/// A decision and what to audit with it: the deciding agreement (null when no agreement decided) and the
/// policy version. The revision is present even when the policy is unavailable, if one was expected.
/// </summary>
public readonly record struct SharingDecision(
    SharingOutcome Outcome,
    DecisionReason Reason,
    SharingAgreement? DecidingAgreement,
    PolicyVersion? PolicyVersion)
{
    public RuleReference? DecidingRule => DecidingAgreement?.Rule;

    public bool Permits(SharingMode mode) =>
        Outcome == SharingOutcome.Content || (Outcome == SharingOutcome.ExistenceOnly && mode == SharingMode.Existence);

    public string Explain() => Reason switch
    {
        DecisionReason.AllowedByAgreement => $"{Outcome} allowed by {DecidingRule} (policy {PolicyVersion})",
        DecisionReason.DeniedByAgreement => $"{Outcome}: denied by {DecidingRule} (policy {PolicyVersion})",
        DecisionReason.NoAgreement => $"Deny: no agreement (policy {PolicyVersion})",
        DecisionReason.UnknownAgency => $"Deny: agency not known to policy {PolicyVersion}",
        DecisionReason.InvalidRequest => $"Deny: unknown category or purpose (policy {PolicyVersion})",
        _ => "Deny: policy unavailable",
    };

    internal static SharingDecision Unavailable() => new(SharingOutcome.Deny, DecisionReason.PolicyUnavailable, null, null);
}

/// <summary>
/// Identifies the agreement set a decision came from: the caller's monotonically increasing revision and a
/// SHA-256 of the canonical agency registry and agreement set, so two instances can show they used the same rules.
/// </summary>
public sealed record PolicyVersion(long Revision, string Hash)
{
    public override string ToString() => $"r{Revision}-{Hash[..12]}";
}

/// <summary>What the web app loads from its database, ideally in one transaction with the revision number.</summary>
public sealed record SharingPolicyInputs(long Revision, IReadOnlyList<Agency> Agencies, IReadOnlyList<SharingAgreement> Agreements);

public sealed class PolicyCompilationException : Exception
{
    public PolicyCompilationException()
    {
    }

    public PolicyCompilationException(string message)
        : base(message)
    {
    }

    public PolicyCompilationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
