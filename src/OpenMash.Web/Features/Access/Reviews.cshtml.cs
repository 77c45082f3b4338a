using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Security;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Access;

/// <summary>
/// The information governance officer's review list: break-glass access by this hub's users, waiting for review or
/// reviewed, with the outcome notes; and, read only, the other hub's break-glass access to this hub's records (who,
/// when, reason, expiry; not their explanation, which is about their own child). Each grant listed is audited.
/// </summary>
[AuditedAs(AuditActions.ReviewBreakGlass, Purpose = "break-glass")]
public sealed class ReviewsModel(OpenMashDbContext db, BreakGlassService service) : PageModel
{
    public IReadOnlyList<GrantRow> Waiting { get; private set; } = [];

    public IReadOnlyList<GrantRow> Reviewed { get; private set; } = [];

    public IReadOnlyList<GrantRow> OfOurRecords { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(Guid grantId, CancellationToken ct)
    {
        var notes = Request.Form[$"Notes_{grantId:N}"].ToString();
        var errors = await service.ReviewAsync(grantId, notes, ct);
        if (errors.Count == 0)
        {
            return Redirect("/Access/Reviews");
        }

        foreach (var error in errors)
        {
            ModelState.AddModelError(error.Field, error.Message);
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var hub = db.Actor.RequiredHubId;
        var waiting = await service.ForReviewAsync(hub, reviewed: false, ct);
        var reviewed = await service.ForReviewAsync(hub, reviewed: true, ct);
        var ours = await service.OfOurRecordsAsync(hub, ct);
        var userIds = waiting.Concat(reviewed).Concat(ours).Select(g => g.UserId).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, Agency = u.Agency.Name }).ToDictionaryAsync(u => u.Id, ct);
        var hubs = await db.Hubs.AsNoTracking().ToDictionaryAsync(h => h.Id, h => h.Name, ct);
        GrantRow Row(BreakGlassGrant g) => new(g, users.GetValueOrDefault(g.UserId)?.DisplayName, users.GetValueOrDefault(g.UserId)?.Agency, hubs.GetValueOrDefault(g.HubId) ?? "?", hubs.GetValueOrDefault(g.OwningHubId) ?? "?");
        Waiting = waiting.Select(Row).ToList();
        Reviewed = reviewed.Select(Row).ToList();
        OfOurRecords = ours.Select(Row).ToList();

        // Each grant shown is a read about a child (this hub's, or this hub's records matched to the other hub's child).
        foreach (var g in waiting.Concat(reviewed))
        {
            db.Audit(AuditActions.ViewBreakGlassGrant, AuditOutcome.Allowed, nameof(BreakGlassGrant), g.Id.ToString(), g.AuditSubjects, "break-glass review", "requesting hub: explanation and review notes shown");
        }

        foreach (var g in ours)
        {
            db.Audit(AuditActions.ViewBreakGlassGrant, AuditOutcome.Allowed, nameof(BreakGlassGrant), g.Id.ToString(), g.MatchedIds, "break-glass review", "owning hub: who, when, reason and expiry only");
        }

        await db.SaveChangesAsync(ct);
    }
}
