using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenMash.Web.Data;

namespace OpenMash.Web.Features.Referrals;

/// <summary>The referrer's own referrals only.</summary>
public sealed class IndexModel(OpenMashDbContext db) : PageModel
{
    public IReadOnlyList<ReferralSummary> Referrals { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var (referrals, subjects) = await ReferralQueries.OwnAsync(db, null, ct);
        Referrals = referrals;
        db.Audit(AuditActions.ListReferrals, targetType: "Contact", subjects: subjects, purpose: "Referral feedback");
        await db.SaveChangesAsync(ct);
    }
}
