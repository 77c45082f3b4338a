using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;

namespace OpenMash.Web.Features.Access;

/// <summary>
/// Break glass: a screener or manager who needs another hub's records about one of their own children, beyond what
/// the agreements allow, records why and gets read-only access for <see cref="BreakGlassService.GrantMinutes"/> minutes.
/// </summary>
public sealed class BreakGlassModel(OpenMashDbContext db, BreakGlassService service, OtherHubLookup lookup) : PageModel
{
    public Person Person { get; private set; } = null!;

    public IReadOnlyList<(Guid Id, string Name)> OtherHubs { get; private set; } = [];

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? Justification { get; set; }

    [BindProperty]
    public Guid? OwningHubId { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } notFound)
        {
            return notFound;
        }

        var hub = OwningHubId ?? (OtherHubs.Count == 1 ? OtherHubs[0].Id : Guid.Empty);
        BreakGlassReason? reason = Enum.TryParse<BreakGlassReason>(Reason, out var r) && Enum.IsDefined(r) ? r : null;
        var (grant, errors) = await service.GrantAsync(Person, hub, reason, Justification, ct);
        foreach (var error in errors)
        {
            ModelState.AddModelError(error.Field, error.Message);
        }

        return grant is null ? Page() : Redirect($"/People/{id}#other-hubs");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var person = await db.Persons.AsNoTracking().Include(p => p.Addresses).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (person is null)
        {
            db.Audit(AuditActions.BreakGlass, AuditOutcome.Refused, "Person", id.ToString(), purpose: "break-glass", detail: "no such person in the user's hub");
            await db.SaveChangesAsync(ct);
            return NotFound();
        }

        Person = person;
        OtherHubs = await lookup.OtherHubsAsync(ct);

        // The form shows the child's name: a read of this hub's record, audited with the request that shows it.
        db.Audit(AuditActions.ViewPerson, AuditOutcome.Allowed, "Person", id.ToString(), [id], "break-glass", "break-glass request form");
        await db.SaveChangesAsync(ct);
        return null;
    }
}
