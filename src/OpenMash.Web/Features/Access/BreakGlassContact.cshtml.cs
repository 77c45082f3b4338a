using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Access;

/// <summary>
/// One of the other hub's contacts, read only, during a live break-glass grant: what the grant was made to reach.
/// Every view is audited with the grant's id and names both hubs' records of the child. The referrer's phone and
/// e-mail stay with the owning hub (the other hub needs what happened, not how to reach its referrer).
/// </summary>
[AuditedAs(AuditActions.ViewContact, Purpose = "break-glass")]
public sealed class BreakGlassContactModel(OpenMashDbContext db) : PageModel
{
    public sealed record Named(string Name, string Role, DateOnly? DateOfBirth);

    public BreakGlassGrant Grant { get; private set; } = null!;

    public Contact Contact { get; private set; } = null!;

    public string OwningHub { get; private set; } = string.Empty;

    public IReadOnlyList<Named> People { get; private set; } = [];

    public string? Outcome { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Grant = HttpContext.Record<BreakGlassGrant>();
        Contact = HttpContext.Record<Contact>();
        var subjectIds = Contact.Subjects.Select(s => s.PersonId).ToList();
        var people = await db.Persons.IgnoreQueryFilters().AsNoTracking()
            .Where(p => subjectIds.Contains(p.Id) && p.HubId == Grant.OwningHubId)
            .Select(p => new { p.Id, p.GivenNames, p.FamilyName, p.DateOfBirth }).ToListAsync(ct);
        People = Contact.Subjects
            .Join(people, s => s.PersonId, p => p.Id, (s, p) => (s.Role, Person: new Named($"{p.GivenNames} {p.FamilyName}", s.Role.DisplayName(), p.DateOfBirth)))
            .OrderBy(x => x.Role).ThenBy(x => x.Person.Name, StringComparer.Ordinal).Select(x => x.Person).ToList();
        OwningHub = await db.Hubs.AsNoTracking().Where(h => h.Id == Grant.OwningHubId).Select(h => h.Name).SingleAsync(ct);
        Outcome = (await db.Decisions.IgnoreQueryFilters().AsNoTracking()
            .Where(d => d.ContactId == Contact.Id && d.HubId == Grant.OwningHubId && d.Status == DecisionStatus.Approved)
            .Select(d => (DecisionOutcome?)d.Outcome).FirstOrDefaultAsync(ct))?.DisplayName();

        db.Audit(AuditActions.ViewContact, AuditOutcome.Allowed, "Contact", Contact.Id.ToString(), subjectIds.Append(Grant.PersonId).Distinct(), "break-glass",
            $"break-glass grant {Grant.Id}; owning hub {Grant.OwningHubId}; read only");
        await db.SaveChangesAsync(ct);
        return Page();
    }

}
