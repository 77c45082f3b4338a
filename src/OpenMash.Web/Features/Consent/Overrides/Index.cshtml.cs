using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenMash.Web.Data;

namespace OpenMash.Web.Features.Consent.Overrides;

/// <summary>Consent overrides waiting for a MASH manager's approval (red ones already in force).</summary>
public sealed class IndexModel(OpenMashDbContext db, TimeProvider time) : PageModel
{
    public IReadOnlyList<OverrideRow> Pending { get; private set; } = [];

    public DateTime NowUtc { get; private set; }

    public async Task OnGetAsync()
    {
        NowUtc = time.GetUtcNow().UtcDateTime;
        Pending = await OverrideList.LoadAsync(db, pendingOnly: true);
        db.Audit(AuditActions.ViewConsentOverrides, targetType: "ConsentOverrideRequest", purpose: "Approve consent overrides", detail: $"{Pending.Count} pending");
        await db.SaveChangesAsync();
    }
}
