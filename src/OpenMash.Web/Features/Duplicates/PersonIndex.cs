using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenMash.Matching;
using OpenMash.Matching.Synthetic;
using OpenMash.Web.Data;
using MatchSex = OpenMash.Matching.Sex;
using Sex = OpenMash.Web.Domain.People.Sex;

namespace OpenMash.Web.Features.Duplicates;

/// <summary>
/// One online matching index per hub, built at start-up and kept in step with the database. Every save that touches
/// a person writes an entry to the person change feed (<see cref="PersonChange"/>) in its transaction; this index
/// reads the entries after the last one it applied (every <c>Duplicates:FeedEverySeconds</c> and before each
/// answer), marks those persons, and re-reads marked persons (committed state) before its next answer. Its own
/// instance's saves also mark persons at once. So every instance sees every instance's changes within about a second.
/// Candidates are only suggestions; callers load the persons through the hub filter before showing anything.
/// </summary>
public sealed class PersonIndex : IDisposable
{
    /// <summary>Below the highest id at start, how many ids are checked for entries not committed yet.</summary>
    public const int StartLookBack = 1000;

    private const int ReadBatch = 5000;

    private static readonly Lazy<MatchModel> DefaultModel = new(TrainOnSyntheticChildren);

    private readonly ConcurrentDictionary<Guid, OnlineIndex> _hubs = new();

    /// <summary>One at a time per hub: building its index, or applying its marked persons (so a slower read cannot overwrite a newer one).</summary>
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _hubGates = new();

    /// <summary>
    /// Persons changed since the index last read them, per hub. Kept apart from the index so that a change made
    /// while an index is being built is not lost: it is re-read before the next answer.
    /// </summary>
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Guid, byte>> _pending = new();

    private readonly SemaphoreSlim _feedGate = new(1, 1);
    private readonly TimeProvider _time;
    private readonly DuplicatesOptions _options;
    private FeedCursor? _cursor;
    private long _feedThrough;
    private long _lastReadStarted;
    private DateTime _lastReadAtUtc;

    public PersonIndex(TimeProvider? time = null, IOptions<DuplicatesOptions>? options = null)
    {
        _time = time ?? TimeProvider.System;
        _options = options?.Value ?? new DuplicatesOptions();
    }

    public MatchModel Model => DefaultModel.Value;

    /// <summary>The highest change feed entry this instance has read (entries skipped over are re-read for a while).</summary>
    public long FeedThrough => Interlocked.Read(ref _feedThrough);

    /// <summary>Called by the DbContext after a save that created, changed or removed these persons.</summary>
    public void MarkChanged(Guid hubId, IEnumerable<Guid> personIds)
    {
        var pending = _pending.GetOrAdd(hubId, _ => new());
        foreach (var id in personIds)
        {
            pending[id] = 0;
        }
    }

    /// <summary>
    /// Reads the change feed's entries after the last one applied (and any skipped over that have appeared since)
    /// and marks their persons. Several callers at once share one read that began after they asked.
    /// </summary>
    public async Task CatchUpAsync(OpenMashDbContext db, CancellationToken ct = default)
    {
        var asked = Stopwatch.GetTimestamp();
        await _feedGate.WaitAsync(ct);
        try
        {
            if (_lastReadStarted > asked)
            {
                return;
            }

            _lastReadStarted = Stopwatch.GetTimestamp();
            var now = _time.GetUtcNow().UtcDateTime;
            if (_cursor is not null && now - _lastReadAtUtc > TimeSpan.FromHours(_options.FeedRetentionHours / 2.0))
            {
                // Entries this instance has not read may have been pruned since: every index is built again.
                _cursor = null;
                _hubs.Clear();
            }

            _cursor ??= await StartCursorAsync(db, now, ct);
            var gapLife = TimeSpan.FromSeconds(_options.FeedGapSeconds);
            while (true)
            {
                var through = _cursor.Through;
                var gaps = _cursor.Gaps.ToList();
                var rows = await db.PersonChanges.IgnoreQueryFilters().AsNoTracking()
                    .Where(c => c.Id > through || gaps.Contains(c.Id))
                    .OrderBy(c => c.Id).Take(ReadBatch)
                    .Select(c => new { c.Id, c.HubId, c.PersonId })
                    .ToListAsync(ct);
                foreach (var hub in rows.GroupBy(r => r.HubId))
                {
                    MarkChanged(hub.Key, hub.Select(r => r.PersonId));
                }

                _cursor.Advance(rows.Select(r => r.Id), now, gapLife);
                Interlocked.Exchange(ref _feedThrough, _cursor.Through);
                if (rows.Count < ReadBatch)
                {
                    break;
                }
            }

            _lastReadAtUtc = now;
        }
        finally
        {
            _feedGate.Release();
        }
    }

    /// <summary>Re-reads the marked persons of every hub whose index is built.</summary>
    public async Task ApplyChangesAsync(OpenMashDbContext db, CancellationToken ct = default)
    {
        foreach (var (hubId, hub) in _hubs)
        {
            await ApplyPendingAsync(db, hubId, hub, ct);
        }
    }

    /// <summary>Builds the hub's index from the database unless it already exists.</summary>
    public async Task BuildAsync(OpenMashDbContext db, Guid hubId, CancellationToken ct = default)
    {
        // The feed is read from before the persons are loaded, so a change committed after they were is not missed.
        await CatchUpAsync(db, ct);
        var gate = _hubGates.GetOrAdd(hubId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            if (_hubs.ContainsKey(hubId))
            {
                return;
            }

            var persons = await Load(db, hubId).ToListAsync(ct);
            _hubs[hubId] = OnlineIndex.Build(Model, persons.Select(ToRecord), persons.Count + 1000);
        }
        finally
        {
            gate.Release();
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

    /// <summary>Whether the hub's index has been built (for a benchmark or a health check to wait on the start-up build).</summary>
    public bool IsBuilt(Guid hubId) => _hubs.ContainsKey(hubId);

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

    /// <summary>
    /// Pairs judged as <see cref="CompareAsync"/> judges them, each given already in the fixed order (the first
    /// <see cref="NotDuplicate.Order"/>'s A): for the duplicate queue, so that the probability it stores is the one
    /// the review page shows.
    /// </summary>
    public async Task<IReadOnlyList<MatchCandidate>> CompareManyInHubAsync(
        OpenMashDbContext db, Guid hubId, IReadOnlyList<(MatchRecord First, MatchRecord Second)> pairs, CancellationToken ct = default)
    {
        var hub = await CurrentAsync(db, hubId, ct);
        return pairs.Select(p => hub.Compare(p.First, p.Second)).ToList();
    }

    private async Task<IReadOnlyList<MatchCandidate>> FindAsync(OpenMashDbContext db, Guid hubId, MatchRecord probe, int max, bool includeUnlikely, CancellationToken ct)
    {
        var hub = await CurrentAsync(db, hubId, ct);
        return hub.FindCandidates(probe, max, includeUnlikely).Where(c => includeUnlikely || c.Band != MatchBand.None).ToList();
    }

    /// <summary>
    /// The candidates for each of <paramref name="probes"/> in <paramref name="hubId"/>, after one catch-up with the
    /// feed (the duplicate queue compares batches of persons this way); compared in parallel.
    /// </summary>
    public async Task<IReadOnlyList<IReadOnlyList<MatchCandidate>>> FindManyInHubAsync(
        OpenMashDbContext db, Guid hubId, IReadOnlyList<MatchRecord> probes, int max = 10, CancellationToken ct = default)
    {
        var hub = await CurrentAsync(db, hubId, ct);
        return probes.AsParallel().AsOrdered().WithCancellation(ct)
            .Select(p => (IReadOnlyList<MatchCandidate>)hub.FindCandidates(p, max).Where(c => c.Band != MatchBand.None).ToList())
            .ToList();
    }

    /// <summary>The hub's index with every change committed before this call applied (built first if need be).</summary>
    private async Task<OnlineIndex> CurrentAsync(OpenMashDbContext db, Guid hubId, CancellationToken ct)
    {
        await CatchUpAsync(db, ct);
        if (!_hubs.TryGetValue(hubId, out var hub))
        {
            await BuildAsync(db, hubId, ct);
            hub = _hubs[hubId];
        }

        await ApplyPendingAsync(db, hubId, hub, ct);
        return hub;
    }

    private async Task ApplyPendingAsync(OpenMashDbContext db, Guid hubId, OnlineIndex hub, CancellationToken ct)
    {
        // The gate is taken even when nothing is marked: another caller may be applying marks taken a moment ago.
        var gate = _hubGates.GetOrAdd(hubId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        var pending = _pending.GetOrAdd(hubId, _ => new());
        var ids = pending.Keys.ToList();
        try
        {
            foreach (var id in ids)
            {
                pending.TryRemove(id, out _);
            }

            foreach (var chunk in ids.Chunk(500))
            {
                var current = await Load(db, hubId).Where(p => chunk.Contains(p.Id)).ToListAsync(ct);
                foreach (var id in chunk.Except(current.Select(p => p.Id)))
                {
                    hub.Remove(id.ToString());
                }

                foreach (var person in current)
                {
                    hub.Update(ToRecord(person));
                }
            }
        }
        catch
        {
            // Not applied: marked again, to be read on the next try.
            MarkChanged(hubId, ids);
            throw;
        }
        finally
        {
            gate.Release();
        }
    }

    private static async Task<FeedCursor> StartCursorAsync(OpenMashDbContext db, DateTime now, CancellationToken ct)
    {
        var changes = db.PersonChanges.IgnoreQueryFilters().AsNoTracking();
        var highest = await changes.MaxAsync(c => (long?)c.Id, ct) ?? 0;
        var from = highest - StartLookBack;
        var present = await changes.Where(c => c.Id > from).Select(c => c.Id).ToListAsync(ct);
        return FeedCursor.StartingAt(highest, present, StartLookBack, now);
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

        foreach (var gate in _hubGates.Values)
        {
            gate.Dispose();
        }

        _feedGate.Dispose();
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
