namespace OpenMash.Web.Domain.People;

/// <summary>
/// A person named in a new contact: an existing person of the hub, or details to create one. <see cref="MatchesReviewed"/>:
/// the recorder was shown the hub's likely existing records and said none is this person.
/// </summary>
public sealed record NewPerson(
    SubjectRole Role,
    Guid? ExistingPersonId = null,
    string? GivenNames = null,
    string? FamilyName = null,
    DateOnly? DateOfBirth = null,
    bool DateOfBirthIsEstimated = false,
    DateOnly? ExpectedDeliveryDate = null,
    Sex Sex = Sex.U,
    string? NhsNumber = null,
    string? Upn = null,
    string? EthnicityCode = null,
    string? AddressLine1 = null,
    string? Town = null,
    string? Postcode = null,
    bool MatchesReviewed = false);
