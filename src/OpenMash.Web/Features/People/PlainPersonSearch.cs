using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;

namespace OpenMash.Web.Features.People;

/// <summary>Every criterion given must hold: name contained in a name, the date of birth (or its month or year), identifiers, a postcode on any address.</summary>
public sealed class PlainPersonSearch(OpenMashDbContext db) : IPersonSearch
{
    public const int MaxResults = 50;

    public async Task<IReadOnlyList<PersonMatch>> SearchAsync(PersonQuery query, CancellationToken ct = default)
    {
        if (query.IsEmpty)
        {
            return [];
        }

        var people = db.Persons.Where(p => p.MergedIntoId == null);
        foreach (var word in (query.Name ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pattern = "%" + word.ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            people = people.Where(p => EF.Functions.Like(p.GivenNames.ToLower(), pattern, "\\") || EF.Functions.Like(p.FamilyName.ToLower(), pattern, "\\")
                || (p.OtherNames != null && EF.Functions.Like(p.OtherNames.ToLower(), pattern, "\\")));
        }

        if (query.DateOfBirth is { IsEmpty: false } d)
        {
            // A whole date, or every date in the month or year given.
            var from = new DateOnly(d.Year, Math.Max(d.Month, 1), Math.Max(d.Day, 1));
            var to = d.Day > 0 ? from.AddDays(1) : d.Month > 0 ? from.AddMonths(1) : from.AddYears(1);
            people = people.Where(p => p.DateOfBirth >= from && p.DateOfBirth < to);
        }

        if (!string.IsNullOrWhiteSpace(query.NhsNumber))
        {
            var nhs = Identifiers.Normalise(query.NhsNumber);
            people = people.Where(p => p.NhsNumber == nhs);
        }

        if (!string.IsNullOrWhiteSpace(query.Upn))
        {
            var upn = Identifiers.Normalise(query.Upn).ToUpperInvariant();
            people = people.Where(p => p.Upn == upn);
        }

        if (!string.IsNullOrWhiteSpace(query.Postcode))
        {
            var postcode = PersonAddress.NormalisePostcode(query.Postcode);
            people = people.Where(p => p.Addresses.Any(a => a.Postcode == postcode));
        }

        var found = await people
            .OrderBy(p => p.FamilyName).ThenBy(p => p.GivenNames).ThenBy(p => p.Id)
            .Take(MaxResults)
            .Select(p => new
            {
                p.Id,
                p.GivenNames,
                p.FamilyName,
                p.DateOfBirth,
                p.DateOfBirthIsEstimated,
                p.ExpectedDeliveryDate,
                p.Sex,
                p.NhsNumber,
                Postcode = p.Addresses.Where(a => a.To == null).Select(a => a.Postcode).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return found.Select(p => new PersonMatch(p.Id, p.GivenNames, p.FamilyName, p.DateOfBirth, p.DateOfBirthIsEstimated, p.ExpectedDeliveryDate, p.Sex, p.NhsNumber, p.Postcode)).ToList();
    }
}
