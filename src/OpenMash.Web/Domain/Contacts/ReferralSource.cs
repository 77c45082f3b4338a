namespace OpenMash.Web.Domain.Contacts;

/// <summary>CIN census referral source (REFERENCE section 6); <see cref="CodeLists.Code(ReferralSource)"/> gives the census code.</summary>
public enum ReferralSource
{
    FamilyRelativeCarer,
    Acquaintance,
    Self,
    OtherIndividual,
    Schools,
    EducationServices,
    Gp,
    HealthVisitor,
    SchoolNurse,
    OtherPrimaryHealth,
    AccidentAndEmergency,
    OtherHealth,
    Housing,
    LaSocialCare,
    LaOtherInternal,
    OtherLa,
    LaEarlyHelp,
    Police,
    OtherLegalAgency,
    Other,
    Anonymous,
    Unknown,
}
