namespace OpenMash.Sharing;

public readonly record struct AgreementId(Guid Value)
{
    public override string ToString() => Value.ToString("D");
}

/// <summary>Kinds of data an agreement covers. New values go at the end; values must stay dense from 0.</summary>
public enum DataCategory
{
    PoliceIntelligence,
    PoliceIncidents,
    HealthRecords,
    EducationAttendance,
    SocialCareHistory,
    ContactDetails,
    ReferralContent,
}

/// <summary>Why the data is wanted. New values go at the end; values must stay dense from 0.</summary>
public enum SharingPurpose
{
    SafeguardingScreening,
    ChildExploitationTaskGroup,
    SubjectAccess,
    EarlyHelp,
}

/// <summary>Existence: "this agency knows this child". Content implies existence.</summary>
public enum SharingMode
{
    Existence,
    Content,
}

public enum AgreementEffect
{
    Allow,
    Deny,
}

/// <summary>One side of an agreement: either one named agency or every agency of a type.</summary>
public readonly record struct PartySelector
{
    private PartySelector(AgencyId? agency, AgencyType? type)
    {
        Agency = agency;
        Type = type;
    }

    public AgencyId? Agency { get; }

    public AgencyType? Type { get; }

    public bool IsSpecificAgency => Agency is not null;

    public static PartySelector ForAgency(AgencyId agency) => new(agency, null);

    public static PartySelector ForType(AgencyType type) => new(null, type);

    public bool Matches(Agency agency) => Agency is { } id ? id == agency.Id : Type == agency.Type;

    public override string ToString() => Agency is { } id ? $"agency {id}" : $"any {Type}";
}

/// <summary>Identifies the rule behind a decision, for the audit record.</summary>
public readonly record struct RuleReference(AgreementId Agreement, int Version)
{
    public override string ToString() => $"agreement {Agreement} v{Version}";
}

/// <summary>
/// One line of a data sharing agreement, directional from source to destination. Within one hub both hubs are
/// the same; between hubs they differ. ValidFrom is inclusive, ValidUntil exclusive (null: open-ended).
/// Of several versions of one agreement id only the highest is in force; lower versions are history.
/// </summary>
public sealed record SharingAgreement(
    AgreementId Id,
    int Version,
    AgreementEffect Effect,
    PartySelector Source,
    PartySelector Destination,
    HubId SourceHub,
    HubId DestinationHub,
    DataCategory Category,
    SharingPurpose Purpose,
    SharingMode Mode,
    DateTimeOffset ValidFrom,
    DateTimeOffset? ValidUntil)
{
    public RuleReference Rule => new(Id, Version);

    public bool IsInForceAt(DateTimeOffset instant) =>
        instant >= ValidFrom && (ValidUntil is not { } until || instant < until);

    /// <summary>How many sides name a specific agency (0 to 2); used only to choose which rule explains a decision.</summary>
    public int Specificity => (Source.IsSpecificAgency ? 1 : 0) + (Destination.IsSpecificAgency ? 1 : 0);
}
