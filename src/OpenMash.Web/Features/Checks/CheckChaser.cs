using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Shared;
using OpenMash.Web.Security;

namespace OpenMash.Web.Features.Checks;

/// <summary>
/// Every minute, chases agencies whose checks are overdue, at most once an hour per check, across all hubs: an e-mail
/// queued to the agency's address (the outbox sender sends it). An agency with no e-mail address is not chased; the
/// case page says so.
/// </summary>
public sealed partial class CheckChaser(IServiceScopeFactory scopes, TimeProvider time, ILogger<CheckChaser> log) : BackgroundService
{
    public const string Kind = MessageKinds.CheckChase;

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
            .Where(c => c.Agency.EmailAddress != null && c.Agency.EmailAddress != string.Empty)
            .Select(c => new { c.Id, c.HubId, c.ContactId, c.DueAtUtc, c.Agency.EmailAddress })
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
            // The reference and a link: nothing about the child.
            db.QueueEmails(
                check.HubId, Kind, [check.EmailAddress!], $"Overdue multi-agency check for contact {reference}",
                $"Your agency's check for contact {reference} was due at {CaseDisplay.Time(check.DueAtUtc)} and has not been answered. Please answer it in OpenMash.",
                nowUtc, contactId: check.ContactId, recordId: check.Id, linkPath: $"/Checks/{check.Id}");
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
