using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenMash.Matching;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Shared;

namespace OpenMash.Web.Features.People;

/// <summary>Search for a person; details are posted, never put in the address.</summary>
public sealed class IndexModel(IPersonSearch search, OpenMashDbContext db, OtherHubLookup otherHubs) : PageModel
{
    public OtherHubPanel? OtherHubs { get; private set; }

    [BindProperty]
    public string? Name { get; set; }

    public DateParts DateOfBirth { get; private set; } = new();

    [BindProperty]
    public string? NhsNumber { get; set; }

    [BindProperty]
    public string? Upn { get; set; }

    [BindProperty]
    public string? Postcode { get; set; }

    public IReadOnlyList<PersonMatch>? Results { get; private set; }

    private PartialDate _dateOfBirth;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        DateOfBirth = DateParts.Read(Request.Form, nameof(DateOfBirth));
        if (PartialDateOfBirth(DateOfBirth) is { } problem)
        {
            ModelState.AddModelError(nameof(DateOfBirth), problem);
        }

        if (!string.IsNullOrWhiteSpace(NhsNumber) && !Identifiers.IsValidNhsNumber(NhsNumber))
        {
            ModelState.AddModelError(nameof(NhsNumber), "Enter a valid 10-digit NHS number");
        }

        if (!string.IsNullOrWhiteSpace(Upn) && !Identifiers.IsValidUpn(Upn))
        {
            ModelState.AddModelError(nameof(Upn), "Enter a valid 13-character unique pupil number");
        }

        var query = new PersonQuery(Name?.Trim(), _dateOfBirth, NhsNumber, Upn, Postcode);
        if (ModelState.IsValid && query.IsEmpty)
        {
            ModelState.AddModelError(nameof(Name), "Enter at least one detail to search by");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Results = await search.SearchAsync(query, ct);
        OtherHubs = new OtherHubPanel(
            await otherHubs.ForSearchAsync(Results.Select(r => r.Id).ToList(), NhsNumber, ct), null, false, false,
            Results.ToDictionary(r => r.Id, r => $"{r.GivenNames} {r.FamilyName}"));
        db.Audit(AuditActions.SearchPeople, targetType: "Person", subjects: Results.Select(r => r.Id), purpose: "Screening",
            detail: $"criteria: {string.Join(',', Criteria(query))}; by: {(IndexedPersonSearch.UsesMatcher(query) ? "matcher" : "exact")}; results: {Results.Count}");
        await db.SaveChangesAsync(ct);
        return Page();
    }

    /// <summary>
    /// Reads a whole date, a month and year, or a year alone into <see cref="_dateOfBirth"/>; returns the problem in
    /// people's words when what was typed is none of these.
    /// </summary>
    private string? PartialDateOfBirth(DateParts parts)
    {
        _dateOfBirth = default;
        if (parts.IsBlank)
        {
            return null;
        }

        const string Example = "Date of birth must be a real date, like 27 3 2015, or a month and year, like 3 2015, or a year, like 2015";
        var hasDay = !string.IsNullOrWhiteSpace(parts.Day);
        var hasMonth = !string.IsNullOrWhiteSpace(parts.Month);
        if (!int.TryParse(parts.Year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || parts.Year!.Length != 4 || y < 1900)
        {
            return string.IsNullOrWhiteSpace(parts.Year) ? "Date of birth must include a year" : Example;
        }

        if (hasDay && !hasMonth)
        {
            return "Date of birth must include a month if it includes a day";
        }

        var m = 0;
        if (hasMonth && (!int.TryParse(parts.Month, NumberStyles.None, CultureInfo.InvariantCulture, out m) || m is < 1 or > 12))
        {
            return Example;
        }

        var d = 0;
        if (hasDay && (!int.TryParse(parts.Day, NumberStyles.None, CultureInfo.InvariantCulture, out d) || d < 1 || d > DateTime.DaysInMonth(y, m)))
        {
            return Example;
        }

        _dateOfBirth = new PartialDate(y, m, d);
        return null;
    }

    private static IEnumerable<string> Criteria(PersonQuery q)
    {
        if (!string.IsNullOrWhiteSpace(q.Name))
        {
            yield return "name";
        }

        if (!q.DateOfBirth.IsEmpty)
        {
            yield return q.DateOfBirth.Day > 0 ? "date of birth" : q.DateOfBirth.Month > 0 ? "month and year of birth" : "year of birth";
        }

        if (!string.IsNullOrWhiteSpace(q.NhsNumber))
        {
            yield return "NHS number";
        }

        if (!string.IsNullOrWhiteSpace(q.Upn))
        {
            yield return "UPN";
        }

        if (!string.IsNullOrWhiteSpace(q.Postcode))
        {
            yield return "postcode";
        }
    }
}
