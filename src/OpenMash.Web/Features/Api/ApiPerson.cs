using System.ComponentModel;

namespace OpenMash.Web.Features.Api;

public class ApiPerson
{
    public string? GivenNames { get; init; }

    public string? FamilyName { get; init; }

    [Description("yyyy-MM-dd.")]
    public DateOnly? DateOfBirth { get; init; }

    public bool? DateOfBirthIsEstimated { get; init; }

    [Description("For an unborn child, yyyy-MM-dd.")]
    public DateOnly? ExpectedDeliveryDate { get; init; }

    [Description("M, F or U (unknown, also for an unborn child). Defaults to U.")]
    public string? Sex { get; init; }

    public string? NhsNumber { get; init; }

    public string? Upn { get; init; }

    public string? EthnicityCode { get; init; }

    public string? AddressLine1 { get; init; }

    public string? Town { get; init; }

    public string? Postcode { get; init; }
}
