using OpenMash.Sharing;

namespace OpenMash.Web.Domain.Consent;

public static class ConsentNames
{
    private static readonly System.Globalization.CultureInfo Uk = System.Globalization.CultureInfo.GetCultureInfo("en-GB");

    public static string Date(DateOnly? date) => date?.ToString("d MMMM yyyy", Uk) ?? "None";

    public static string DisplayName(this Article6Basis basis) => basis switch
    {
        Article6Basis.PublicTask => "Public task: UK GDPR Article 6(1)(e)",
        _ => "Legal obligation: UK GDPR Article 6(1)(c)",
    };

    public static string DisplayName(this ConsentGiver giver) => giver switch
    {
        ConsentGiver.ParentWithParentalResponsibility => "parent with parental responsibility",
        ConsentGiver.CarerWithParentalResponsibility => "carer with parental responsibility",
        _ => "the young person",
    };

    public static string DisplayName(this ConsentStatus status) => status switch
    {
        ConsentStatus.Given => "Given",
        ConsentStatus.Refused => "Refused",
        ConsentStatus.Withdrawn => "Withdrawn",
        ConsentStatus.Sought => "Consent sought, awaiting an answer",
        _ => "Not sought",
    };

    public const string ReportedNotConfirmed = "Reported by the referrer, not confirmed";

    /// <summary>A consent record's status in words: a referrer's report that is not confirmed never reads as "Given".</summary>
    public static string StatusText(this RecordedConsent consent) => consent.AwaitsConfirmation ? ReportedNotConfirmed : consent.Status.DisplayName();

    public static string DisplayName(this NotSoughtReason reason) => reason switch
    {
        NotSoughtReason.CannotBeGiven => "(i) consent cannot be given",
        NotSoughtReason.CannotReasonablyBeObtained => "(ii) consent cannot reasonably be obtained",
        _ => "(iii) seeking consent would prejudice the child's protection",
    };

    public static string DisplayName(this LawfulBasis basis) => basis switch
    {
        LawfulBasis.Consent => "Consent",
        LawfulBasis.SafeguardingOfChildren => "Safeguarding of children: DPA 2018 Schedule 1 paragraph 18",
        LawfulBasis.LawEnforcementSafeguarding => "Police disclosing (law enforcement processing): DPA 2018 Schedule 8 paragraph 4",
        _ => "No special category or police data",
    };

    public static string DisplayName(this SharingPurpose purpose) => purpose switch
    {
        SharingPurpose.SafeguardingScreening => "Safeguarding screening (multi-agency checks)",
        SharingPurpose.ChildExploitationTaskGroup => "Child exploitation task group",
        SharingPurpose.SubjectAccess => "Subject access request",
        _ => "Early help support",
    };

}
