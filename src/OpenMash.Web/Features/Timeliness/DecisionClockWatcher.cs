using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenMash.Web.Data;
using OpenMash.Web.Security;

namespace OpenMash.Web.Features.Timeliness;

/// <summary>
/// Tells each hub's managers, by e-mail through the outbox, when an undecided contact has used the hub's warning
/// share of its decision time and when it is overdue: each notice once per contact and kind (the outbox row is the
/// record that it was queued). The e-mail carries the reference and a link, never the child's details.
/// </summary>
public sealed partial class DecisionClockWatcher(IServiceScopeFactory scopes, TimeProvider time, IOptions<DecisionClockOptions> options, ILogger<DecisionClockWatcher> log) : BackgroundService
{
    private const string SystemName = "decision-clock";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = options.Value.CheckEverySeconds;
        if (every <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(every), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await NotifyAsync(time.GetUtcNow().UtcDateTime, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogPassFailed(log, e);
            }
        }
    }

    /// <summary>One pass over every hub at <paramref name="nowUtc"/>; returns how many notices were queued (one per contact and kind, to all its managers).</summary>
    public async Task<int> NotifyAsync(DateTime nowUtc, CancellationToken ct = default)
    {
        List<Guid> hubs;
        await using (var scope = scopes.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(Actor.System(SystemName));
            var db = scope.ServiceProvider.GetRequiredService<OpenMashDbContext>();
            hubs = await db.Contacts.IgnoreQueryFilters()
                .Where(c => c.State != ContactState.Decided && c.DecisionDueUtc != null)
                .Select(c => c.HubId).Distinct().ToListAsync(ct);
        }

        var queued = 0;
        foreach (var hubId in hubs)
        {
            queued += await NotifyHubAsync(hubId, nowUtc, ct);
        }

        return queued;
    }

    private async Task<int> NotifyHubAsync(Guid hubId, DateTime nowUtc, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(Actor.System(SystemName, hubId));
        var db = scope.ServiceProvider.GetRequiredService<OpenMashDbContext>();
        var calculator = await scope.ServiceProvider.GetRequiredService<HubWorkingTime>().CalculatorAsync(ct);
        var percent = await db.HubSettings.IgnoreQueryFilters().AsNoTracking().Where(s => s.HubId == hubId)
            .Select(s => (int?)s.DecisionWarningPercent).SingleOrDefaultAsync(ct) ?? 75;

        var open = await db.Contacts.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.HubId == hubId && c.State != ContactState.Decided && c.DecisionDueUtc != null)
            .Where(c => !db.Outbox.IgnoreQueryFilters().Any(o => o.ContactId == c.Id && o.Kind == MessageKinds.DecisionOverdue))
            .Select(c => new
            {
                c.Id,
                c.Reference,
                c.ReceivedAtUtc,
                Due = c.DecisionDueUtc!.Value,
                Warned = db.Outbox.IgnoreQueryFilters().Any(o => o.ContactId == c.Id && o.Kind == MessageKinds.DecisionWarning),
            })
            .ToListAsync(ct);
        var notices = new List<(Guid ContactId, string Kind, string Subject, string Body)>();
        foreach (var c in open)
        {
            if (c.Due <= nowUtc)
            {
                notices.Add((c.Id, MessageKinds.DecisionOverdue, $"Decision overdue on contact {c.Reference}",
                    $"The decision on contact {c.Reference} was due at {Shared.CaseDisplay.Time(c.Due)} and has not been made. Please look at it in OpenMash."));
            }
            else if (!c.Warned && DecisionClock.ShareUsed(calculator, c.ReceivedAtUtc, c.Due, nowUtc) * 100 >= percent)
            {
                notices.Add((c.Id, MessageKinds.DecisionWarning, $"Decision time running out on contact {c.Reference}",
                    $"Contact {c.Reference} has used {percent}% of its time: the decision is due at {Shared.CaseDisplay.Time(c.Due)}. Please look at it in OpenMash."));
            }
        }

        if (notices.Count == 0)
        {
            return 0;
        }

        var managers = await db.EmailsInRolesAsync(hubId, [Roles.MashManager], except: null, ct);
        if (managers.Count == 0)
        {
            // Nothing is queued, so the notice is tried again on the next pass (once a manager has an address).
            return 0;
        }

        foreach (var notice in notices)
        {
            // The reference and a link: nothing about the child.
            db.QueueEmails(hubId, notice.Kind, managers, notice.Subject, notice.Body, nowUtc, contactId: notice.ContactId, linkPath: $"/Screening/{notice.ContactId}");
        }

        await db.SaveChangesAsync(ct);
        return notices.Count;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Telling managers of contacts running out of time failed; the next pass tries again")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
