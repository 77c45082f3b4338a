using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Security;

namespace OpenMash.Web.Features;

/// <summary>The home page: what this user's roles let them do, in their hub.</summary>
public sealed class IndexModel(OpenMashDbContext db, TimeProvider time, IAuthorizationService authorization, Timeliness.HubWorkingTime workingTime) : PageModel
{
    public string HubName { get; private set; } = string.Empty;

    public string AgencyName { get; private set; } = string.Empty;

    public IReadOnlyList<string> UserRoles { get; private set; } = [];

    /// <summary>Break-glass access to this hub's records, for its MASH managers.</summary>
    public IReadOnlyList<AccessNotice> Notices { get; private set; } = [];

    /// <summary>Consent overrides waiting for a manager's approval in this hub.</summary>
    public int PendingOverrides { get; private set; }

    /// <summary>Urgent consent overrides in force whose retrospective approval is overdue: flagged to managers and IG officers.</summary>
    public int OverdueOverrides { get; private set; }

    /// <summary>E-mails about contacts that could not be sent (feedback to referrers, chases), for managers, newest first.</summary>
    public IReadOnlyList<FailedEmail> FailedEmails { get; private set; } = [];

    /// <summary>Every e-mail of the hub that could not be sent, for administrators (who can send them again).</summary>
    public int FailedEmailCount { get; private set; }

    public sealed record FailedEmail(Guid ContactId, string Reference, string What, string Reason);

    /// <summary>Undecided contacts past the hub's warning share of their decision time or overdue, for managers, most urgent first.</summary>
    public IReadOnlyList<ClockAlert> ClockAlerts { get; private set; } = [];

    public sealed record ClockAlert(Guid ContactId, string Reference, DateTime DueUtc, bool Overdue, bool Screened);

    private async Task<IReadOnlyList<ClockAlert>> ClockAlertsAsync(DateTime nowUtc)
    {
        var calculator = await workingTime.CalculatorAsync();
        var percent = await db.HubSettings.Select(s => (int?)s.DecisionWarningPercent).SingleOrDefaultAsync() ?? 75;
        var open = await db.Contacts.AsNoTracking()
            .Where(c => c.State != ContactState.Decided && c.DecisionDueUtc != null)
            .OrderBy(c => c.DecisionDueUtc)
            .Select(c => new { c.Id, c.Reference, c.ReceivedAtUtc, Due = c.DecisionDueUtc!.Value, c.State })
            .ToListAsync();
        return open
            .Where(c => Timeliness.DecisionClock.ShareUsed(calculator, c.ReceivedAtUtc, c.Due, nowUtc) * 100 >= percent)
            .Select(c => new ClockAlert(c.Id, c.Reference, c.Due, c.Due <= nowUtc, c.State != ContactState.AwaitingScreening))
            .Take(20)
            .ToList();
    }

    public async Task OnGetAsync()
    {
        var actor = db.Actor;
        HubName = await db.Hubs.Where(h => h.Id == actor.HubId).Select(h => h.Name).SingleAsync();
        AgencyName = await db.Agencies.Where(a => a.Id == actor.AgencyId).Select(a => a.Name).SingleAsync();
        var held = User.RoleSet();
        UserRoles = Roles.All.Where(held.Contains).ToList();
        if ((await authorization.AuthorizeAsync(User, Policies.Manager)).Succeeded)
        {
            Notices = await db.Set<AccessNotice>().AsNoTracking().OrderByDescending(n => n.CreatedAtUtc).Take(10).ToListAsync();
            FailedEmails = (await db.Outbox.AsNoTracking().Where(o => o.State == DeliveryState.Failed && o.ContactId != null)
                    .Join(db.Contacts, o => o.ContactId, c => c.Id, (o, c) => new { c.Id, c.Reference, o.Kind, o.LastError, o.LastAttemptAtUtc })
                    .OrderByDescending(x => x.LastAttemptAtUtc).Take(10).ToListAsync())
                .Select(x => new FailedEmail(x.Id, x.Reference, MessageKinds.DisplayName(x.Kind), x.LastError ?? "no reason recorded"))
                .ToList();
            ClockAlerts = await ClockAlertsAsync(time.GetUtcNow().UtcDateTime);
        }

        if (held.Contains(Roles.Administrator))
        {
            FailedEmailCount = await db.Outbox.CountAsync(o => o.State == DeliveryState.Failed);
        }

        // Managers and information governance officers: the people the access history policy names.
        if ((await authorization.AuthorizeAsync(User, Policies.AccessHistory)).Succeeded)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var pending = db.ConsentOverrides.Where(o => o.Status == OverrideStatus.Pending);
            PendingOverrides = await pending.CountAsync();
            OverdueOverrides = await pending.CountAsync(o => o.ApprovalDueUtc != null && o.ApprovalDueUtc < now);
        }
    }
}
