using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Checks;

namespace OpenMash.Web.Features.Referrals;

/// <summary>
/// One of the referrer's own referrals: reference, date and status or outcome, and what partner agencies' answers
/// the data sharing agreements let reach the referrer's agency, less every item its supplier kept from referrers.
/// </summary>
public sealed class DetailsModel(OpenMashDbContext db, CheckService checks) : PageModel
{
    public ReferralSummary Referral { get; private set; } = null!;

    public PartnerAnswersView Partners { get; private set; } = new([], true);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var (referrals, subjects) = await ReferralQueries.OwnAsync(db, id, ct);
        if (referrals.Count == 0)
        {
            db.Audit(AuditActions.ViewReferral, AuditOutcome.Refused, "Contact", id.ToString(), detail: "not a referral of this user");
            await db.SaveChangesAsync(ct);
            return NotFound();
        }

        Referral = referrals[0];
        db.Audit(AuditActions.ViewReferral, targetType: "Contact", targetId: id.ToString(), subjects: subjects, purpose: "Referral feedback");
        // Always as the referrer's agency, as the partner-information API does, even for a user who also holds a MASH role.
        var viewer = await checks.ReferrerViewerAsync(db.Actor.AgencyId, db.Actor.HubId ?? Guid.Empty, ct);
        Partners = new PartnerAnswersView(viewer is null ? [] : await checks.AnswersForAsync(id, viewer, ct), ForReferrer: true);
        return Page();
    }
}
