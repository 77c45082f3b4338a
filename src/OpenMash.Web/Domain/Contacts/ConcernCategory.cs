namespace OpenMash.Web.Domain.Contacts;

public enum ConcernCategory
{
    PhysicalAbuse,
    SexualAbuse,
    EmotionalAbuse,
    Neglect,
    DomesticAbuse,
    ChildSexualExploitation,
    CriminalExploitation,
    OnlineHarm,
    Radicalisation,
    MissingFromHomeOrCare,
    MissingEducation,
    TeenagePregnancy,
    EmotionalWellbeing,
    SelfHarm,
    SubstanceMisuse,
    Fgm,
    HonourBasedAbuse,
    Trafficking,
    PrivateFostering,
    Other,
}
