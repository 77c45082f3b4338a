using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenMash.Web.Data;
using OpenMash.Web.Features.People;

namespace OpenMash.Web.Features.Access;

/// <summary>
/// For information governance officers and MASH managers, who may not use the case-work search: find a person of
/// this hub by name or NHS number to see their access history or (IG officers) prepare a subject access export.
/// </summary>
public sealed class FindModel(IPersonSearch search, OpenMashDbContext db, IAuthorizationService authorization) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? NhsNumber { get; set; }

    public IReadOnlyList<PersonMatch>? Results { get; private set; }

    /// <summary>Whether to offer the subject access export: the policy of that page.</summary>
    public bool IsIg { get; private set; }

    public async Task OnGetAsync() => IsIg = await MaySeeSubjectAccessAsync();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        IsIg = await MaySeeSubjectAccessAsync();
        if (!string.IsNullOrWhiteSpace(NhsNumber) && !Identifiers.IsValidNhsNumber(NhsNumber))
        {
            ModelState.AddModelError(nameof(NhsNumber), "Enter a valid 10-digit NHS number");
        }
        else if (string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(NhsNumber))
        {
            ModelState.AddModelError(nameof(Name), "Enter a name or an NHS number");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Results = await search.SearchAsync(new PersonQuery(Name?.Trim(), default, NhsNumber, null, null), ct);
        db.Audit(AuditActions.SearchPeople, targetType: "Person", subjects: Results.Select(r => r.Id), purpose: "AccessHistory or SubjectAccess", detail: $"results: {Results.Count}");
        await db.SaveChangesAsync(ct);
        return Page();
    }

    private async Task<bool> MaySeeSubjectAccessAsync() => (await authorization.AuthorizeAsync(User, AccessPages.Policy["/Access/SubjectAccess"])).Succeeded;
}
