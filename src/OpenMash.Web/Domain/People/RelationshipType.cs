namespace OpenMash.Web.Domain.People;

public enum RelationshipType
{
    ParentCarer,
    Sibling,
    HouseholdMember,
    AssociatedAdult,
}
