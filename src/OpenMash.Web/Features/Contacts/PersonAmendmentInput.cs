namespace OpenMash.Web.Features.Contacts;

/// <summary>A person named in the contact, as corrected on the amend page; <see cref="DateOfBirthValid"/> is false when the date typed is not a date.</summary>
public sealed class PersonAmendmentInput
{
    public Guid PersonId { get; init; }

    public string? GivenNames { get; init; }

    public string? FamilyName { get; init; }

    public DateOnly? DateOfBirth { get; init; }

    public bool DateOfBirthValid { get; init; } = true;

    public string? NhsNumber { get; init; }
}
