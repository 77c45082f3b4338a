using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenMash.Web.Data;
using OpenMash.Web.Features.DataSharing;
using OpenMash.Web.Features.Shared;
using OpenMash.Web.Security;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Admin.Sharing;

/// <summary>
/// One change to an agreement by this side, in three steps: the reason, a confirmation of what will happen, then the
/// confirmation page. A change this side may not make (the receiving side revoking, anyone but the owner approving)
/// is refused (403) and audited.
/// </summary>
[AuditedAs(AuditActions.ViewAgreement, Purpose = "Administration")]
public sealed class ChangeModel(AgreementService agreements, OpenMashDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public AgreementChange? Change { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public bool Confirmed { get; set; }

    public bool Checking { get; private set; }

    public DataSharingAgreement Current { get; private set; } = null!;

    public string OtherHub { get; private set; } = string.Empty;

    public string OwnerHub { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync() => await AllowedAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await AllowedAsync() is { } refused)
        {
            return refused;
        }

        // A change is allowed only when one was asked for.
        if (Change is not { } change)
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(Reason) || Reason.Length > 1000)
        {
            ModelState.AddModelError(nameof(Reason), "Enter the reason for this change, 1,000 characters or fewer");
            return Page();
        }

        ModelState.CheckText(Reason, nameof(Reason), 1000, "The reason");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!Confirmed)
        {
            Checking = true;
            return Page();
        }

        var outcome = await agreements.ChangeAsync(Current.Id, change, Reason);
        return outcome is null
            ? NotFound()
            : RedirectToPage("Done", new { id = outcome.Agreement.Id, change = change.ToString(), queued = outcome.EmailsQueued });
    }

    /// <summary>Null when this side may make the change now; otherwise the refusal, audited.</summary>
    private async Task<IActionResult?> AllowedAsync()
    {
        Current = HttpContext.Record<DataSharingAgreement>();
        var hub = db.Actor.RequiredHubId;
        var names = await AgreementDisplay.NamesAsync(db);
        OtherHub = names.GetValueOrDefault(Current.OtherSide(hub)) ?? string.Empty;
        OwnerHub = names.GetValueOrDefault(Current.SourceHubId) ?? string.Empty;
        if (Change is { } change && Current.ChangesFor(hub).Contains(change))
        {
            return null;
        }

        db.Audit(AuditActions.AccessRefused, AuditOutcome.Refused, nameof(DataSharingAgreement), Current.Id.ToString(), purpose: "Administration",
            detail: $"change {Change?.ToString() ?? "none"} not allowed for this side while the agreement is {Current.Status}");
        await db.SaveChangesAsync();
        HttpContext.Features.Set(new RecordRefusal(Current.IsOwnedBy(hub)
            ? "This change cannot be made to the agreement as it stands."
            : $"Only {OwnerHub}, which owns the data, can make this change. You can ask them to revoke an agreement that is in force."));
        return Forbid();
    }
}
