namespace OpenMash.Web.Domain.Consent;

/// <summary>Who gave or refused consent.</summary>
public enum ConsentGiver
{
    ParentWithParentalResponsibility,
    CarerWithParentalResponsibility,
    YoungPerson,
}
