namespace OpenMash.Web.Features.Contacts;

public sealed record ContactPerson(Guid Id, string Name, SubjectRole Role, DateOnly? DateOfBirth, bool DateOfBirthIsEstimated, DateOnly? ExpectedDeliveryDate, Sex Sex, string? NhsNumber);
