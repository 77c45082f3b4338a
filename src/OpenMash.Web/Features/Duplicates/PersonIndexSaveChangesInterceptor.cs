using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OpenMash.Web.Features.Duplicates;

/// <summary>Tells the <see cref="PersonIndex"/> which persons a save created, changed or deleted, once it succeeded.</summary>
public sealed class PersonIndexSaveChangesInterceptor(PersonIndex index) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, Dictionary<Guid, HashSet<Guid>>> _changed = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && ChangedPersons(db) is { Count: > 0 } changed)
        {
            _changed.AddOrUpdate(db, changed);
        }

        return ValueTask.FromResult(result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && _changed.TryGetValue(db, out var changed))
        {
            _changed.Remove(db);
            foreach (var hub in changed)
            {
                index.MarkChanged(hub.Key, hub.Value);
            }
        }

        return ValueTask.FromResult(result);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db)
        {
            _changed.Remove(db);
        }

        return Task.CompletedTask;
    }

    private static Dictionary<Guid, HashSet<Guid>> ChangedPersons(DbContext db)
    {
        var changed = new Dictionary<Guid, HashSet<Guid>>();
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            var (hub, person) = entry.Entity switch
            {
                Person p => (p.HubId, p.Id),
                PersonAddress a => (a.HubId, a.PersonId),
                _ => (Guid.Empty, Guid.Empty),
            };
            if (person != Guid.Empty)
            {
                (changed.TryGetValue(hub, out var set) ? set : changed[hub] = []).Add(person);
            }
        }

        return changed;
    }
}
