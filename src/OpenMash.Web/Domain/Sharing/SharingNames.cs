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

    public static string InSentence(this SharingPurpose purpose) => purpose switch
    {
        SharingPurpose.SafeguardingScreening => "safeguarding screening",
        SharingPurpose.ChildExploitationTaskGroup => "the child exploitation task group",
        SharingPurpose.SubjectAccess => "a subject access request",
        _ => "early help",
    };
}
