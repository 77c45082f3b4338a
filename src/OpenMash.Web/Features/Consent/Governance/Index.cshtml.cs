using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenMash.Web.Data;

namespace OpenMash.Web.Features.Consent.Governance;

/// <summary>Every consent override of the hub, for information governance officers: requested, approved, rejected, overdue.</summary>
public sealed class IndexModel(OpenMashDbContext db, TimeProvider time) : PageModel
{
    public IReadOnlyList<OverrideRow> Overrides { get; private set; } = [];

    public DateTime NowUtc { get; private set; }

    public async Task OnGetAsync()
    {
        NowUtc = time.GetUtcNow().UtcDateTime;
        Overrides = await OverrideList.LoadAsync(db, pendingOnly: false);
        db.Audit(AuditActions.ViewConsentOverrides, targetType: "ConsentOverrideRequest", purpose: "Information governance", detail: $"{Overrides.Count} overrides");
        await db.SaveChangesAsync();
    }
}
