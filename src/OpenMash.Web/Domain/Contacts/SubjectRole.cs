namespace OpenMash.Web.Domain.Contacts;

public enum SubjectRole
{
    Child,
    HouseholdMember,
    AssociatedAdult,
}
