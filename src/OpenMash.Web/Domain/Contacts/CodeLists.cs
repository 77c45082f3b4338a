namespace OpenMash.Web.Domain.Contacts;

/// <summary>Display names and statutory codes for the contact code lists.</summary>
public static class CodeLists
{
    public static string Code(this ReferralSource source) => source switch
    {
        ReferralSource.FamilyRelativeCarer => "1A",
        ReferralSource.Acquaintance => "1B",
        ReferralSource.Self => "1C",
        ReferralSource.OtherIndividual => "1D",
        ReferralSource.Schools => "2A",
        ReferralSource.EducationServices => "2B",
        ReferralSource.Gp => "3A",
        ReferralSource.HealthVisitor => "3B",
        ReferralSource.SchoolNurse => "3C",
        ReferralSource.OtherPrimaryHealth => "3D",
        ReferralSource.AccidentAndEmergency => "3E",
        ReferralSource.OtherHealth => "3F",
        ReferralSource.Housing => "4",
        ReferralSource.LaSocialCare => "5A",
        ReferralSource.LaOtherInternal => "5B",
        ReferralSource.OtherLa => "5C",
        ReferralSource.LaEarlyHelp => "5D",
        ReferralSource.Police => "6",
        ReferralSource.OtherLegalAgency => "7",
        ReferralSource.Other => "8",
        ReferralSource.Anonymous => "9",
        _ => "10",
    };

    public static string DisplayName(this ReferralSource source) => source switch
    {
        ReferralSource.FamilyRelativeCarer => "Family, relative or carer",
        ReferralSource.Acquaintance => "Acquaintance",
        ReferralSource.Self => "Self",
        ReferralSource.OtherIndividual => "Other individual",
        ReferralSource.Schools => "Schools",
        ReferralSource.EducationServices => "Education services",
        ReferralSource.Gp => "GP",
        ReferralSource.HealthVisitor => "Health visitor",
        ReferralSource.SchoolNurse => "School nurse",
        ReferralSource.OtherPrimaryHealth => "Other primary health services",
        ReferralSource.AccidentAndEmergency => "A&E",
        ReferralSource.OtherHealth => "Other health services",
        ReferralSource.Housing => "Housing",
        ReferralSource.LaSocialCare => "Local authority children's social care",
        ReferralSource.LaOtherInternal => "Local authority other internal",
        ReferralSource.OtherLa => "Other local authority",
        ReferralSource.LaEarlyHelp => "Local authority early help",
        ReferralSource.Police => "Police",
        ReferralSource.OtherLegalAgency => "Other legal agency",
        ReferralSource.Other => "Other",
        ReferralSource.Anonymous => "Anonymous",
        _ => "Unknown",
    };

    public static string DisplayName(this ConcernCategory category) => category switch
    {
        ConcernCategory.PhysicalAbuse => "Physical abuse",
        ConcernCategory.SexualAbuse => "Sexual abuse",
        ConcernCategory.EmotionalAbuse => "Emotional abuse",
        ConcernCategory.Neglect => "Neglect",
        ConcernCategory.DomesticAbuse => "Domestic abuse",
        ConcernCategory.ChildSexualExploitation => "Child sexual exploitation",
        ConcernCategory.CriminalExploitation => "Criminal exploitation or county lines",
        ConcernCategory.OnlineHarm => "Online harm and grooming",
        ConcernCategory.Radicalisation => "Radicalisation",
        ConcernCategory.MissingFromHomeOrCare => "Missing from home or care",
        ConcernCategory.MissingEducation => "Missing education",
        ConcernCategory.TeenagePregnancy => "Teenage pregnancy",
        ConcernCategory.EmotionalWellbeing => "Emotional wellbeing and mental health",
        ConcernCategory.SelfHarm => "Self-harm",
        ConcernCategory.SubstanceMisuse => "Substance misuse",
        ConcernCategory.Fgm => "Female genital mutilation",
        ConcernCategory.HonourBasedAbuse => "Honour-based abuse",
        ConcernCategory.Trafficking => "Trafficking",
        ConcernCategory.PrivateFostering => "Private fostering",
        _ => "Other",
    };

    public static string DisplayName(this ContactChannel channel) => channel switch
    {
        ContactChannel.Phone => "Phone",
        ContactChannel.Email => "E-mail",
        ContactChannel.InPerson => "In person",
        ContactChannel.Portal => "Referral page",
        _ => "Agency system",
    };

    /// <summary>How a contact came, as words after its source: "Schools, by phone".</summary>
    public static string HowItCame(this ContactChannel channel) => channel switch
    {
        ContactChannel.Phone => "by phone",
        ContactChannel.Email => "by e-mail",
        ContactChannel.InPerson => "in person",
        ContactChannel.Portal => "on the referral page",
        _ => "from an agency system",
    };

    /// <summary>A referral source as it appears in a filtered queue's address (lower case, stable).</summary>
    public static string QueryValue(this ReferralSource source) => source.ToString().ToLowerInvariant();

    public static string DisplayName(this ContactState state) => state switch
    {
        ContactState.AwaitingScreening => "Awaiting screening",
        ContactState.AwaitingPartnerInformation => "Awaiting partner information",
        ContactState.AwaitingDecision => "Awaiting decision",
        _ => "Decided",
    };

    public static string DisplayName(this SubjectRole role) => role switch
    {
        SubjectRole.Child => "Child",
        SubjectRole.HouseholdMember => "Household member",
        _ => "Associated adult",
    };
}
