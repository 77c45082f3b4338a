using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Security;

namespace OpenMash.Web.Features.Checks;

/// <summary>
/// Every minute, chases agencies whose checks are overdue, at most once an hour per check, across all hubs.
/// Agencies have no e-mail address in the model yet, so the chase is addressed to the agency by name.
/// </summary>
public sealed partial class CheckChaser(IServiceScopeFactory scopes, TimeProvider time, ILogger<CheckChaser> log) : BackgroundService
{
    public const string Kind = "CheckChaser";

    public static readonly TimeSpan ChaseInterval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await ChaseOverdueAsync(time.GetUtcNow().UtcDateTime, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogChaseFailed(log, e);
            }
        }
    }

    /// <summary>
    /// Chases each overdue, unanswered check not chased in the last hour, unless its contact has been decided;
    /// returns how many were chased.
    /// </summary>
    public async Task<int> ChaseOverdueAsync(DateTime nowUtc, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(Actor.System("chaser"));
        var db = scope.ServiceProvider.GetRequiredService<OpenMashDbContext>();
        var cutoff = nowUtc - ChaseInterval;

        // The system actor has no hub, so the hub filter would hide everything: each row keeps its own HubId.
        var due = await db.Checks.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.Status == CheckStatus.Requested && c.DueAtUtc < nowUtc && (c.LastChasedAtUtc == null || c.LastChasedAtUtc <= cutoff))
            .Where(c => db.Contacts.IgnoreQueryFilters().Any(x => x.Id == c.ContactId && x.State != ContactState.Decided))
            .Select(c => new { c.Id, c.HubId, c.ContactId, c.DueAtUtc, AgencyName = c.Agency.Name })
            .ToListAsync(ct);
        var chased = 0;
        foreach (var check in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);

            // Claim the check with a conditional update, so that two chasers running at once send one chase.
            var claimed = await db.Checks.IgnoreQueryFilters()
                .Where(c => c.Id == check.Id && c.Status == CheckStatus.Requested && (c.LastChasedAtUtc == null || c.LastChasedAtUtc <= cutoff))
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ChaseCount, c => c.ChaseCount + 1).SetProperty(c => c.LastChasedAtUtc, nowUtc), ct);
            if (claimed != 1)
            {
                continue;
            }

            var reference = await db.Contacts.IgnoreQueryFilters().Where(c => c.Id == check.ContactId).Select(c => c.Reference).SingleAsync(ct);
            db.Outbox.Add(new OutboxMessage
            {
                Id = Guid.NewGuid(),
                HubId = check.HubId,
                Kind = Kind,
                ContactId = check.ContactId,
                ToAddress = check.AgencyName,
                Subject = $"Overdue multi-agency check for contact {reference}",
                Body = $"Your agency's check for contact {reference} was due at {check.DueAtUtc:yyyy-MM-dd HH:mm} UTC and has not been answered. Please answer it in OpenMash.",
                CreatedAtUtc = nowUtc,
            });
            db.Audit(AuditActions.ChaseMultiAgencyCheck, targetType: nameof(MultiAgencyCheck), targetId: check.Id.ToString(), purpose: "Check overdue", actor: Actor.System("chaser", check.HubId));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            chased++;
        }

        return chased;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Chasing overdue checks failed")]
    private static partial void LogChaseFailed(ILogger logger, Exception exception);
}
