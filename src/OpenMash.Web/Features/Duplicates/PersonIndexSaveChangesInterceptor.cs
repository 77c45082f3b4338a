using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OpenMash.Web.Data;

namespace OpenMash.Web.Features.Duplicates;

/// <summary>
/// Every save that creates, changes or deletes a person or an address writes one <see cref="PersonChange"/> per
/// person in the same transaction (the change feed every instance reads), and, once the save succeeded, tells this
/// instance's <see cref="PersonIndex"/> at once (the fast path for its own saves).
/// </summary>
public sealed class PersonIndexSaveChangesInterceptor(PersonIndex index, TimeProvider time) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, Dictionary<Guid, HashSet<Guid>>> _changed = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is OpenMashDbContext db && ChangedPersons(db) is { Count: > 0 } changed)
        {
            _changed.AddOrUpdate(db, changed);
            var now = time.GetUtcNow().UtcDateTime;
            foreach (var (hub, persons) in changed)
            {
                db.PersonChanges.AddRange(persons.Select(p => new PersonChange { HubId = hub, PersonId = p, RecordedAtUtc = now }));
            }
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
            foreach (var entry in db.ChangeTracker.Entries<PersonChange>().Where(e => e.State == EntityState.Added).ToList())
            {
                entry.State = EntityState.Detached;
            }
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
            if (person == Guid.Empty)
            {
                continue;
            }

            var set = changed.TryGetValue(hub, out var existing) ? existing : changed[hub] = [];
            set.Add(person);

            // An address moved to another person (a merge, an unmerge) changes the person it left too.
            if (entry.Entity is PersonAddress && entry.State == EntityState.Modified
                && entry.Property(nameof(PersonAddress.PersonId)).OriginalValue is Guid previous && previous != person)
            {
                set.Add(previous);
            }
        }

        return changed;
    }
}
