namespace OpenMash.Web.Features.People;

public sealed record PersonQuery(string? Name, DateOnly? DateOfBirth, string? NhsNumber, string? Upn, string? Postcode)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && DateOfBirth is null && string.IsNullOrWhiteSpace(NhsNumber)
        && string.IsNullOrWhiteSpace(Upn) && string.IsNullOrWhiteSpace(Postcode);
}
