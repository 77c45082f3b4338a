namespace OpenMash.Web.Features.People;

public sealed record PersonMatch(Guid Id, string GivenNames, string FamilyName, DateOnly? DateOfBirth, bool DateOfBirthIsEstimated, DateOnly? ExpectedDeliveryDate, Sex Sex, string? NhsNumber, string? Postcode);
