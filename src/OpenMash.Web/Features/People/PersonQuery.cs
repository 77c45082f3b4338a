using OpenMash.Matching;

namespace OpenMash.Web.Features.People;

/// <summary>What was searched for. The date of birth may be partial: a year, or a month and year (unknown parts are 0).</summary>
public sealed record PersonQuery(string? Name, PartialDate DateOfBirth, string? NhsNumber, string? Upn, string? Postcode)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && DateOfBirth.IsEmpty && string.IsNullOrWhiteSpace(NhsNumber)
        && string.IsNullOrWhiteSpace(Upn) && string.IsNullOrWhiteSpace(Postcode);

    /// <summary>The words of the name searched for, as typed.</summary>
    public IReadOnlyList<string> NameWords => (Name ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
