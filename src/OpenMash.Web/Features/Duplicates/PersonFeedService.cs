using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenMash.Web.Data;
using OpenMash.Web.Security;

namespace OpenMash.Web.Features.Duplicates;

/// <summary>
/// Every <c>Duplicates:FeedEverySeconds</c>: reads the person change feed into this instance's index, applies it to
/// the duplicate queue, runs a batch of any hub's first queue build (straight on while one is unfinished), and now
/// and then prunes old feed entries. 0 turns it off; pages and queries still catch up before they answer.
/// </summary>
public sealed partial class PersonFeedService(
    IServiceScopeFactory scopes, PersonIndex index, DuplicateQueue queue, TimeProvider time, IOptions<DuplicatesOptions> settings, ILogger<PersonFeedService> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = settings.Value;
        if (options.FeedEverySeconds <= 0)
        {
            return;
        }

        var interval = TimeSpan.FromSeconds(options.FeedEverySeconds);
        var lastPrune = DateTime.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            var building = false;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(Actor.System("person-feed"));
                var db = scope.ServiceProvider.GetRequiredService<OpenMashDbContext>();
                await index.CatchUpAsync(db, stoppingToken);
                await index.ApplyChangesAsync(db, stoppingToken);
                foreach (var hubId in await db.Hubs.Select(h => h.Id).ToListAsync(stoppingToken))
                {
                    building |= !(await queue.CatchUpAsync(hubId, buildBatches: 1, stoppingToken)).Finished;
                }

                var now = time.GetUtcNow().UtcDateTime;
                if (now - lastPrune > TimeSpan.FromMinutes(options.PruneEveryMinutes))
                {
                    lastPrune = now;
                    await queue.PruneFeedAsync(db, stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogPassFailed(log, e);
                building = false;
            }

            if (!building)
            {
                // Wall-clock pacing (not the application's clock, which tests hold still).
                await Task.Delay(interval, TimeProvider.System, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Following the person change feed failed; the next pass tries again")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
