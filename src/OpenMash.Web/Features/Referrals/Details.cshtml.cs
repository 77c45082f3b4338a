using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Checks;
using OpenMash.Web.Security;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Referrals;

/// <summary>
/// One of the referrer's own referrals: reference, date and status or outcome, and what partner agencies' answers
/// the data sharing agreements let reach the referrer's agency, less every item its supplier kept from referrers.
/// Someone else's referral is refused as not found by the <see cref="Policies.OwnReferral"/> policy of the guard.
/// </summary>
[AuditedAs(AuditActions.ViewReferral)]
[AuthorizeRecord(Policies.OwnReferral)]
public sealed class DetailsModel(OpenMashDbContext db, CheckService checks) : PageModel
{
    public ReferralSummary Referral { get; private set; } = null!;

    public PartnerAnswersView Partners { get; private set; } = new([], true);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var id = HttpContext.Record<Contact>().Id;
        var (referrals, subjects) = await ReferralQueries.OwnAsync(db, id, ct);
        Referral = referrals.Single();
        db.Audit(AuditActions.ViewReferral, targetType: "Contact", targetId: id.ToString(), subjects: subjects, purpose: "Referral feedback");
        // Always as the referrer's agency, as the partner-information API does, even for a user who also holds a MASH role.
        var viewer = await checks.ReferrerViewerAsync(db.Actor.AgencyId, db.Actor.HubId ?? Guid.Empty, ct);
        Partners = new PartnerAnswersView(viewer is null ? [] : await checks.AnswersForAsync(id, viewer, ct), ForReferrer: true);
        return Page();
    }
}
