namespace OpenMash.Web.Domain.People;

public enum RelationshipType
{
    ParentCarer,
    Sibling,
    HouseholdMember,
    AssociatedAdult,

    /// <summary>The partner of the child's parent (a step-parent, a mother's boyfriend), living in the household or not.</summary>
    PartnerOfParent,
}
