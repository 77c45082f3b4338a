using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenMash.Web.Data;
using OpenMash.Web.Features.People;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Access;

/// <summary>
/// Break glass: a screener or manager who needs another hub's records about one of their own children, beyond what
/// the agreements allow, records why and gets read-only access for <see cref="BreakGlassService.GrantMinutes"/> minutes.
/// </summary>
[AuditedAs(AuditActions.BreakGlass, Purpose = "break-glass")]
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

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var id = await LoadAsync(ct);

        var hub = OwningHubId ?? (OtherHubs.Count == 1 ? OtherHubs[0].Id : Guid.Empty);
        BreakGlassReason? reason = Enum.TryParse<BreakGlassReason>(Reason, out var r) && Enum.IsDefined(r) ? r : null;
        var (grant, errors) = await service.GrantAsync(Person, hub, reason, Justification, ct);
        foreach (var error in errors)
        {
            ModelState.AddModelError(error.Field, error.Message);
        }

        return grant is null ? Page() : Redirect($"/People/{id}#other-hubs");
    }

    private async Task<Guid> LoadAsync(CancellationToken ct)
    {
        var person = HttpContext.Record<Person>();
        var id = person.Id;
        Person = person;
        OtherHubs = await lookup.OtherHubsAsync(ct);

        // The form shows the child's name: a read of this hub's record, audited with the request that shows it.
        db.Audit(AuditActions.ViewPerson, AuditOutcome.Allowed, "Person", id.ToString(), [id], "break-glass", "break-glass request form");
        await db.SaveChangesAsync(ct);
        return id;
    }
}
