using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Audit;

namespace OpenMash.Web.Features.Referrals;

/// <summary>One of the referrer's own referrals: reference, date and status or outcome, nothing more.</summary>
public sealed class DetailsModel(OpenMashDbContext db) : PageModel
{
    public ReferralSummary Referral { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var (referrals, subjects) = await ReferralQueries.OwnAsync(db, id, ct);
        if (referrals.Count == 0)
        {
            db.Audit("View Referral", AuditOutcome.Refused, "Contact", id.ToString(), detail: "not a referral of this user");
            await db.SaveChangesAsync(ct);
            return NotFound();
        }

        Referral = referrals[0];
        db.Audit("View Referral", targetType: "Contact", targetId: id.ToString(), subjects: subjects, purpose: "Referral feedback");
        await db.SaveChangesAsync(ct);
        return Page();
    }
}
