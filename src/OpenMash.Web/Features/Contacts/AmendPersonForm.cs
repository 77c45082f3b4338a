using OpenMash.Web.Features.Shared;

namespace OpenMash.Web.Features.Contacts;

/// <summary>One person's fields on the amend page, as typed (the date of birth kept as typed, so a wrong one is shown back).</summary>
public sealed class AmendPersonForm
{
    public Guid PersonId { get; set; }

    public string? GivenNames { get; set; }

    public string? FamilyName { get; set; }

    public DateParts DateOfBirth { get; set; } = new();

    public string? NhsNumber { get; set; }
}
