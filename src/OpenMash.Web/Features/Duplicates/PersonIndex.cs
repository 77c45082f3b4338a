using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using OpenMash.Matching;
using OpenMash.Matching.Synthetic;
using OpenMash.Web.Data;
using MatchSex = OpenMash.Matching.Sex;
using Sex = OpenMash.Web.Domain.People.Sex;

namespace OpenMash.Web.Features.Duplicates;

/// <summary>
/// One online matching index per hub, built at start-up and kept in step with the database: every save that
/// touches a person marks them, and the index re-reads marked persons (committed state) before its next answer.
/// Candidates are only suggestions; callers load the persons through the hub filter before showing anything.
/// </summary>
public sealed class PersonIndex : IDisposable
{
    private static readonly Lazy<MatchModel> DefaultModel = new(TrainOnSyntheticChildren);

    private readonly ConcurrentDictionary<Guid, OnlineIndex> _hubs = new();

    /// <summary>
    /// Persons changed since the index last read them, per hub. Kept apart from the index so that a change made
    /// while an index is being built is not lost: it is re-read before the next answer.
    /// </summary>
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Guid, byte>> _pending = new();

    public MatchModel Model => DefaultModel.Value;

    /// <summary>Called by the DbContext after a save that created, changed or removed these persons.</summary>
    public void MarkChanged(Guid hubId, IEnumerable<Guid> personIds)
    {
        var pending = _pending.GetOrAdd(hubId, _ => new());
        foreach (var id in personIds)
        {
            pending[id] = 0;
        }
    }

    /// <summary>Whether the hub's index has been built (for a benchmark or a health check to wait on the start-up build).</summary>
    public bool IsBuilt(Guid hubId) => _hubs.ContainsKey(hubId);

    /// <summary>Builds the hub's index from the database unless it already exists.</summary>
    public async Task BuildAsync(OpenMashDbContext db, Guid hubId, CancellationToken ct = default)
    {
        var persons = await Load(db, hubId).ToListAsync(ct);
        var index = OnlineIndex.Build(Model, persons.Select(ToRecord), persons.Count + 1000);
        if (!_hubs.TryAdd(hubId, index))
        {
            index.Dispose();
        }
    }

    /// <summary>Likely and possible existing persons of the current hub for <paramref name="probe"/>, best first.</summary>
    public Task<IReadOnlyList<MatchCandidate>> FindAsync(OpenMashDbContext db, MatchRecord probe, int max = 10, CancellationToken ct = default) =>
        FindInHubAsync(db, db.Actor.HubId ?? throw new InvalidOperationException("Matching needs a hub."), probe, max, ct);

    /// <summary>
    /// Likely and possible persons of <paramref name="hubId"/>, which may be another hub: only
    /// <c>People.OtherHubLookup</c> asks about another hub, and it passes every candidate through the sharing gate.
    /// </summary>
    public Task<IReadOnlyList<MatchCandidate>> FindInHubAsync(OpenMashDbContext db, Guid hubId, MatchRecord probe, int max = 10, CancellationToken ct = default) =>
        FindAsync(db, hubId, probe, max, includeUnlikely: false, ct);

    /// <summary>
    /// Every candidate of the current hub for <paramref name="probe"/> that blocking brings, best first, also those
    /// below the possible threshold (band None): for the people search, which shows a weak but real match rather
    /// than none.
    /// </summary>
    public Task<IReadOnlyList<MatchCandidate>> FindIncludingUnlikelyAsync(OpenMashDbContext db, MatchRecord probe, int max = 10, CancellationToken ct = default) =>
        FindAsync(db, db.Actor.HubId ?? throw new InvalidOperationException("Matching needs a hub."), probe, max, includeUnlikely: true, ct);

    private async Task<IReadOnlyList<MatchCandidate>> FindAsync(OpenMashDbContext db, Guid hubId, MatchRecord probe, int max, bool includeUnlikely, CancellationToken ct)
    {
        var hub = await CurrentAsync(db, hubId, ct);
        return hub.FindCandidates(probe, max, includeUnlikely).Where(c => includeUnlikely || c.Band != MatchBand.None).ToList();
    }

    /// <summary>
    /// The one probability of a pair of the hub's persons, shown the same on every page: judged as
    /// <see cref="FindInHubAsync"/> judges a candidate, with the pair in a fixed order (<see cref="NotDuplicate.Order"/>)
    /// so that neither page nor list depends on which of the two was looked at first.
    /// </summary>
    public async Task<MatchCandidate> CompareAsync(OpenMashDbContext db, Person a, Person b, CancellationToken ct = default)
    {
        if (a.HubId != b.HubId)
        {
            throw new InvalidOperationException("Only two persons of one hub are compared.");
        }

        var hub = await CurrentAsync(db, a.HubId, ct);
        var (first, second) = NotDuplicate.Order(a.Id, b.Id) == (a.Id, b.Id) ? (a, b) : (b, a);
        return hub.Compare(ToRecord(first), ToRecord(second));
    }

    /// <summary>The hub's index, built if need be, with every person marked changed re-read first.</summary>
    private async Task<OnlineIndex> CurrentAsync(OpenMashDbContext db, Guid hubId, CancellationToken ct)
    {
        if (!_hubs.ContainsKey(hubId))
        {
            await BuildAsync(db, hubId, ct);
        }

        var hub = _hubs[hubId];
        var pending = _pending.GetOrAdd(hubId, _ => new());
        if (!pending.IsEmpty)
        {
            var ids = pending.Keys.ToList();
            foreach (var id in ids)
            {
                pending.TryRemove(id, out _);
            }

            var current = await Load(db, hubId).Where(p => ids.Contains(p.Id)).ToListAsync(ct);
            foreach (var id in ids.Except(current.Select(p => p.Id)))
            {
                hub.Remove(id.ToString());
            }

            foreach (var person in current)
            {
                hub.Update(ToRecord(person));
            }
        }

        return hub;
    }

    /// <summary>The census sex code (M, F, U) as the matcher's; the one place the two lists meet.</summary>
    public static MatchSex ToMatchSex(Sex sex) => sex switch { Sex.M => MatchSex.Male, Sex.F => MatchSex.Female, _ => MatchSex.Unknown };

    public static MatchRecord ToRecord(Person p)
    {
        var address = p.Addresses.OrderByDescending(a => a.To is null).ThenByDescending(a => a.From).FirstOrDefault();
        return new MatchRecord(p.Id.ToString())
        {
            GivenNames = p.GivenNames,
            FamilyName = p.FamilyName,
            OtherNames = p.OtherNames?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [],
            DateOfBirth = p.DateOfBirth is { } dob ? PartialDate.FromDate(dob) : default,
            Sex = ToMatchSex(p.Sex),
            NhsNumber = p.NhsNumber,
            Postcode = address?.Postcode,
            AddressLine = address?.Line1,
            Town = address?.Town,
            Email = p.Email,
        };
    }

    public void Dispose()
    {
        foreach (var hub in _hubs.Values)
        {
            hub.Dispose();
        }
    }

    private static IQueryable<Person> Load(OpenMashDbContext db, Guid hubId) =>
        db.Persons.IgnoreQueryFilters().AsNoTracking().Include(p => p.Addresses).Where(p => p.HubId == hubId && p.MergedIntoId == null);

    /// <summary>
    /// A hub's own records hold few duplicates to learn from, so the weights are learned (without labels) from
    /// generated records about children in England with realistic errors. Deterministic: the same model every start.
    /// </summary>
    private static MatchModel TrainOnSyntheticChildren()
    {
        var generator = new SyntheticChildren(seed: 2026);
        var records = new List<MatchRecord>();
        for (long id = 0; id < 6000; id++)
        {
            var person = generator.Person(id);
            records.Add(person.Record);
            if (id % 3 == 0)
            {
                records.Add(generator.Corrupt(person.Record, $"{person.Record.Id}-dup", id));
            }
        }

        return Matcher.Train(records);
    }
}
