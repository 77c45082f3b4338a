using OpenMash.Sharing;

namespace OpenMash.Web.Domain.Sharing;

/// <summary>What is shared, and for what, inside a sentence ("shares police incidents in full, for safeguarding screening").</summary>
public static class SharingNames
{
    public static string InSentence(this DataCategory category) => category switch
    {
        DataCategory.PoliceIntelligence => "police intelligence",
        DataCategory.PoliceIncidents => "police incidents",
        DataCategory.HealthRecords => "health records",
        DataCategory.EducationAttendance => "education information",
        DataCategory.SocialCareHistory => "social care history",
        DataCategory.ContactDetails => "contact details",
        DataCategory.ReferralContent => "referral content",
        _ => "other information",
    };

    /// <summary>What the sharing engine allowed, in words ("shared in full", "that it exists only", "refused").</summary>
    public static string InSentence(this SharingOutcome outcome) => outcome switch
    {
        SharingOutcome.Content => "shared in full",
        SharingOutcome.ExistenceOnly => "that it exists only",
        _ => "refused",
    };

    /// <summary>Why the sharing engine decided as it did, in words.</summary>
    public static string InSentence(this DecisionReason reason) => reason switch
    {
        DecisionReason.AllowedByAgreement => "allowed by an agreement",
        DecisionReason.DeniedByAgreement => "refused by an agreement",
        DecisionReason.NoAgreement => "no agreement covers it",
        DecisionReason.UnknownAgency => "an agency the sharing policy does not know",
        DecisionReason.InvalidRequest => "a request the sharing engine could not read",
        _ => "the sharing policy could not be loaded",
    };

    public static string InSentence(this SharingPurpose purpose) => purpose switch
    {
        SharingPurpose.SafeguardingScreening => "safeguarding screening",
        SharingPurpose.ChildExploitationTaskGroup => "the child exploitation task group",
        SharingPurpose.SubjectAccess => "a subject access request",
        _ => "early help",
    };
}
