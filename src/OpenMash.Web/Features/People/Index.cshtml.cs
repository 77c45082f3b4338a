using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
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

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        DateOfBirth = DateParts.Read(Request.Form, nameof(DateOfBirth));
        var dob = DateOfBirth.Parse(out var dobValid);
        if (!dobValid)
        {
            ModelState.AddModelError(nameof(DateOfBirth), "Date of birth must be a real date, like 27 3 2015");
        }

        if (!string.IsNullOrWhiteSpace(NhsNumber) && !Identifiers.IsValidNhsNumber(NhsNumber))
        {
            ModelState.AddModelError(nameof(NhsNumber), "Enter a valid 10-digit NHS number");
        }

        if (!string.IsNullOrWhiteSpace(Upn) && !Identifiers.IsValidUpn(Upn))
        {
            ModelState.AddModelError(nameof(Upn), "Enter a valid 13-character unique pupil number");
        }

        var query = new PersonQuery(Name?.Trim(), dob, NhsNumber, Upn, Postcode);
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
            detail: $"criteria: {string.Join(',', Criteria(query))}; results: {Results.Count}");
        await db.SaveChangesAsync(ct);
        return Page();
    }

    private static IEnumerable<string> Criteria(PersonQuery q)
    {
        if (!string.IsNullOrWhiteSpace(q.Name))
        {
            yield return "name";
        }

        if (q.DateOfBirth is not null)
        {
            yield return "date of birth";
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
