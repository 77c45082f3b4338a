using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;

namespace OpenMash.Web.Features.Duplicates;

/// <summary>Builds every hub's index when the application starts, so the first contact does not wait for it.</summary>
public sealed class PersonIndexWarmup(IServiceProvider services, PersonIndex index) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenMashDbContext>();
        var hubs = await db.Hubs.Select(h => h.Id).ToListAsync(stoppingToken);
        foreach (var hubId in hubs)
        {
            await index.BuildAsync(db, hubId, stoppingToken);
        }

    }
}
