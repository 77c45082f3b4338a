namespace OpenMash.Web.Domain.People;

/// <summary>A person's identifying details as corrected on a contact that names them (the record itself is corrected).</summary>
public sealed record PersonCorrection(Person Person, string GivenNames, string FamilyName, DateOnly? DateOfBirth, string? NhsNumber);
