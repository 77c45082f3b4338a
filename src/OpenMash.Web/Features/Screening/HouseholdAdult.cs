namespace OpenMash.Web.Features.Screening;

public sealed record HouseholdAdult(Guid PersonId, string Name, DateOnly? DateOfBirth, string How);
