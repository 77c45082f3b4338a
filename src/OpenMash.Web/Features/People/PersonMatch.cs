namespace OpenMash.Web.Features.People;

/// <summary>A person found, with how strongly and why (in people's words, one line per detail compared).</summary>
public sealed record PersonMatch(Guid Id, string GivenNames, string FamilyName, DateOnly? DateOfBirth, bool DateOfBirthIsEstimated, DateOnly? ExpectedDeliveryDate, Sex Sex, string? NhsNumber, string? Postcode)
{
    public MatchStrength Strength { get; init; } = MatchStrength.Exact;

    public IReadOnlyList<string> Reasons { get; init; } = [];
}
