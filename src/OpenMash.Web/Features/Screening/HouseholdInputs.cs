namespace OpenMash.Web.Features.Screening;

/// <summary>A person the screener adds to the contact's household, and how they are related to one of its children.</summary>
public sealed class HouseholdPersonInput
{
    public string? GivenNames { get; init; }

    public string? FamilyName { get; init; }

    public DateOnly? DateOfBirth { get; init; }

    public bool DateOfBirthInvalid { get; init; }

    public SubjectRole? Role { get; init; }

    public Guid? ChildId { get; init; }

    public RelationshipType? Relationship { get; init; }
}

/// <summary>What one of the contact's people is to one of its children.</summary>
public sealed class HouseholdRelationshipInput
{
    public Guid? ChildId { get; init; }

    public Guid? PersonId { get; init; }

    public RelationshipType? Relationship { get; init; }
}

/// <summary>Whether an adult of the contact is in the partner checks not yet sent; leaving one out needs a reason.</summary>
public sealed class CheckCoverageInput
{
    public Guid? PersonId { get; init; }

    public bool? Include { get; init; }

    public string? Reason { get; init; }
}
