using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenMash.Matching;
using OpenMash.Web.Data;
using OpenMash.Web.Security;

namespace OpenMash.Web.Features.Duplicates;

/// <summary>
/// Keeps every hub's duplicate queue (<see cref="DuplicateCandidate"/>): built once for the persons already there,
/// in batches, then kept by applying the person change feed: each changed person's pairs are compared again and
/// replaced. Any instance may do the work; every write checks and advances a version in its transaction, so two
/// instances never write the same entries or batch twice (the loser reads again). Merges and dismissals remove
/// their pairs in their own transaction (<see cref="MergeService"/>).
/// </summary>
public sealed class DuplicateQueue(IServiceScopeFactory scopes, PersonIndex index, TimeProvider time, IOptions<DuplicatesOptions> settings) : IDisposable
{
    /// <summary>Candidates kept per compared person.</summary>
    public const int CandidatesPerPerson = 10;

    private const int FeedBatch = 2000;

    /// <summary>The live persons of a hub, in the build's order, while its first build runs in this instance.</summary>
    private readonly ConcurrentDictionary<Guid, Guid[]> _buildOrder = new();

    private readonly SemaphoreSlim _feedGate = new(1, 1);
    private readonly SemaphoreSlim _buildGate = new(1, 1);

    private DuplicatesOptions Options => settings.Value;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Applies every feed entry not yet applied (all hubs), then runs up to <paramref name="buildBatches"/> batches
    /// of <paramref name="hubId"/>'s first build (started if need be), and says how far that build is.
    /// </summary>
    public async Task<QueueProgress> CatchUpAsync(Guid hubId, int buildBatches, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(Actor.System("duplicate-queue", hubId));
        var db = scope.ServiceProvider.GetRequiredService<OpenMashDbContext>();
        await _feedGate.WaitAsync(ct);
        try
        {
            await ApplyFeedAsync(db, ct);
        }
        finally
        {
            _feedGate.Release();
        }

        // A page asks for no build batches and does not wait for one that is running (it can take a while).
        if (buildBatches <= 0)
        {
            return await ProgressAsync(db, hubId, ct);
        }

        await _buildGate.WaitAsync(ct);
        try
        {
            return await BuildAsync(db, hubId, buildBatches, ct);
        }
        finally
        {
            _buildGate.Release();
        }
    }

    public void Dispose()
    {
        _feedGate.Dispose();
        _buildGate.Dispose();
    }

    /// <summary>Deletes feed entries older than the retention that the queue has applied.</summary>
    public async Task<int> PruneFeedAsync(OpenMashDbContext db, CancellationToken ct = default)
    {
        var cursor = await db.DuplicateQueueCursors.AsNoTracking().SingleAsync(c => c.Id == DuplicateQueueCursor.SingletonId, ct);
        var gaps = FeedCursor.FromJson(cursor.FeedThrough, cursor.GapsJson).Gaps;
        var below = gaps.Count > 0 ? Math.Min(gaps.Min(), cursor.FeedThrough) : cursor.FeedThrough;
        var cutoff = Now - TimeSpan.FromHours(Options.FeedRetentionHours);
        return await db.PersonChanges.IgnoreQueryFilters().Where(c => c.RecordedAtUtc < cutoff && c.Id < below).ExecuteDeleteAsync(ct);
    }

    private async Task ApplyFeedAsync(OpenMashDbContext db, CancellationToken ct)
    {
        var gapLife = TimeSpan.FromSeconds(Options.FeedGapSeconds);
        for (var pass = 0; pass < 100; pass++)
        {
            var row = await db.DuplicateQueueCursors.AsNoTracking().SingleAsync(c => c.Id == DuplicateQueueCursor.SingletonId, ct);
            var cursor = FeedCursor.FromJson(row.FeedThrough, row.GapsJson);
            var through = cursor.Through;
            var gaps = cursor.Gaps.ToList();
            var entries = await db.PersonChanges.IgnoreQueryFilters().AsNoTracking()
                .Where(c => c.Id > through || gaps.Contains(c.Id))
                .OrderBy(c => c.Id).Take(FeedBatch)
                .Select(c => new { c.Id, c.HubId, c.PersonId })
                .ToListAsync(ct);
            var now = Now;
            if (entries.Count == 0)
            {
                if (cursor.ExpireGaps(now, gapLife))
                {
                    await TryWriteAsync(db, row.Version, cursor, [], [], ct);
                }

                return;
            }

            cursor.Advance(entries.Select(e => e.Id), now, gapLife);
            var changed = entries.Select(e => e.PersonId).Distinct().ToList();
            var pairs = new List<DuplicateCandidate>();
            foreach (var hub in entries.GroupBy(e => e.HubId))
            {
                pairs.AddRange(await CompareAsync(db, hub.Key, hub.Select(e => e.PersonId).Distinct().ToList(), ct));
            }

            if (await TryWriteAsync(db, row.Version, cursor, changed, pairs, ct) && entries.Count < FeedBatch)
            {
                return;
            }
        }
    }

    /// <summary>Replaces the pairs of <paramref name="changed"/> and advances the cursor, if no other writer advanced it first.</summary>
    private static async Task<bool> TryWriteAsync(
        OpenMashDbContext db, long version, FeedCursor cursor, IReadOnlyList<Guid> changed, IReadOnlyList<DuplicateCandidate> pairs, CancellationToken ct)
    {
        var json = cursor.GapsToJson();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.DuplicateQueueCursors.Where(c => c.Id == DuplicateQueueCursor.SingletonId && c.Version == version)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Version, version + 1).SetProperty(c => c.FeedThrough, cursor.Through).SetProperty(c => c.GapsJson, json), ct);
        if (claimed != 1)
        {
            return false;
        }

        foreach (var chunk in changed.Chunk(500))
        {
            await db.DuplicateCandidates.IgnoreQueryFilters().Where(c => chunk.Contains(c.PersonA) || chunk.Contains(c.PersonB)).ExecuteDeleteAsync(ct);
        }

        await InsertAsync(db, pairs, ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    private async Task<QueueProgress> BuildAsync(OpenMashDbContext db, Guid hubId, int batches, CancellationToken ct)
    {
        var build = await db.DuplicateQueueBuilds.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(b => b.HubId == hubId, ct)
            ?? await StartBuildAsync(db, hubId, ct);
        for (var batch = 0; batch < batches && !build.Finished; batch++)
        {
            var order = await BuildOrderAsync(db, hubId, ct);
            var start = build.ComparedThrough is { } after ? FirstAfter(order, after) : 0;
            var ids = order.Skip(start).Take(Math.Max(1, Options.BuildBatchSize)).ToList();
            var finished = start + ids.Count >= order.Length;

            // Entries after this one are applied by the feed, which compares those persons again.
            var feedHighest = await db.PersonChanges.IgnoreQueryFilters().MaxAsync(c => (long?)c.Id, ct) ?? 0;
            var pairs = await CompareAsync(db, hubId, ids, ct);

            await using var transaction = await db.Database.BeginTransactionAsync(ct);

            // Taken first, as the feed's writes take it: the build and the feed never write pairs at the same time.
            await db.DuplicateQueueCursors.Where(c => c.Id == DuplicateQueueCursor.SingletonId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Version, c => c.Version), ct);
            var version = build.Version;
            var through = ids.Count > 0 ? ids[^1] : build.ComparedThrough;
            var compared = build.PersonsCompared + ids.Count;
            DateTime? finishedAt = finished ? Now : null;
            var claimed = await db.DuplicateQueueBuilds.IgnoreQueryFilters().Where(b => b.HubId == hubId && b.Version == version)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(b => b.Version, version + 1).SetProperty(b => b.ComparedThrough, through).SetProperty(b => b.PersonsCompared, compared)
                        .SetProperty(b => b.Finished, finished).SetProperty(b => b.FinishedAtUtc, finishedAt),
                    ct);
            if (claimed == 1)
            {
                var since = await db.PersonChanges.IgnoreQueryFilters().Where(c => c.Id > feedHighest && ids.Contains(c.PersonId)).Select(c => c.PersonId).ToListAsync(ct);
                var existing = (await db.DuplicateCandidates.IgnoreQueryFilters().Where(c => ids.Contains(c.PersonA) || ids.Contains(c.PersonB))
                    .Select(c => new { c.PersonA, c.PersonB }).ToListAsync(ct)).Select(c => (c.PersonA, c.PersonB)).ToHashSet();
                await InsertAsync(db, pairs.Where(p => !existing.Contains((p.PersonA, p.PersonB)) && !since.Contains(p.PersonA) && !since.Contains(p.PersonB)).ToList(), ct);
                await transaction.CommitAsync(ct);
            }

            build = await db.DuplicateQueueBuilds.IgnoreQueryFilters().AsNoTracking().SingleAsync(b => b.HubId == hubId, ct);
        }

        if (build.Finished)
        {
            _buildOrder.TryRemove(hubId, out _);
        }

        return new QueueProgress(build.Finished, build.PersonsCompared, _buildOrder.TryGetValue(hubId, out var all) ? all.Length : build.PersonsCompared);
    }

    private async Task<QueueProgress> ProgressAsync(OpenMashDbContext db, Guid hubId, CancellationToken ct)
    {
        var build = await db.DuplicateQueueBuilds.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(b => b.HubId == hubId, ct)
            ?? await StartBuildAsync(db, hubId, ct);
        return new QueueProgress(build.Finished, build.PersonsCompared, _buildOrder.TryGetValue(hubId, out var all) ? all.Length : build.PersonsCompared);
    }

    private async Task<DuplicateQueueBuild> StartBuildAsync(OpenMashDbContext db, Guid hubId, CancellationToken ct)
    {
        db.DuplicateQueueBuilds.Add(new DuplicateQueueBuild { HubId = hubId, StartedAtUtc = Now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance started it first.
        }

        db.ChangeTracker.Clear();
        return await db.DuplicateQueueBuilds.IgnoreQueryFilters().AsNoTracking().SingleAsync(b => b.HubId == hubId, ct);
    }

    private async Task<Guid[]> BuildOrderAsync(OpenMashDbContext db, Guid hubId, CancellationToken ct)
    {
        if (_buildOrder.TryGetValue(hubId, out var order))
        {
            return order;
        }

        // Persons created after the build started are compared by the feed; the order only has to be the same in
        // every instance, so it is .NET's Guid order, sorted here (the providers order uuids differently).
        order = [.. await db.Persons.IgnoreQueryFilters().Where(p => p.HubId == hubId && p.MergedIntoId == null).Select(p => p.Id).ToListAsync(ct)];
        Array.Sort(order);
        _buildOrder[hubId] = order;
        return order;
    }

    private static int FirstAfter(Guid[] order, Guid after)
    {
        var at = Array.BinarySearch(order, after);
        return at >= 0 ? at + 1 : ~at;
    }

    /// <summary>The pairs the matcher suggests for each of <paramref name="personIds"/> that is live, but dismissed pairs.</summary>
    private async Task<List<DuplicateCandidate>> CompareAsync(OpenMashDbContext db, Guid hubId, IReadOnlyList<Guid> personIds, CancellationToken ct)
    {
        var pairs = new Dictionary<(Guid, Guid), DuplicateCandidate>();

        // Records already read as probes are reused when each pair is judged below; only the other side is read again.
        var records = new Dictionary<Guid, MatchRecord>();
        foreach (var chunk in personIds.Chunk(500))
        {
            var persons = await db.Persons.IgnoreQueryFilters().AsNoTracking().Include(p => p.Addresses)
                .Where(p => p.HubId == hubId && p.MergedIntoId == null && chunk.Contains(p.Id)).ToListAsync(ct);
            if (persons.Count == 0)
            {
                continue;
            }

            var dismissed = (await db.NotDuplicates.IgnoreQueryFilters().Where(n => chunk.Contains(n.PersonA) || chunk.Contains(n.PersonB))
                .Select(n => new { n.PersonA, n.PersonB }).ToListAsync(ct)).Select(n => (n.PersonA, n.PersonB)).ToHashSet();
            var probes = persons.Select(PersonIndex.ToRecord).ToList();
            foreach (var probe in probes)
            {
                records[Guid.Parse(probe.Id)] = probe;
            }

            var found = await index.FindManyInHubAsync(db, hubId, probes, CandidatesPerPerson, ct);
            var now = Now;
            for (var i = 0; i < persons.Count; i++)
            {
                foreach (var candidate in found[i])
                {
                    if (!Guid.TryParse(candidate.Id, out var other) || other == persons[i].Id)
                    {
                        continue;
                    }

                    var key = NotDuplicate.Order(persons[i].Id, other);
                    if (dismissed.Contains(key) || (pairs.TryGetValue(key, out var kept) && kept.Probability >= candidate.Probability))
                    {
                        continue;
                    }

                    pairs[key] = new DuplicateCandidate
                    {
                        HubId = hubId,
                        PersonA = key.A,
                        PersonB = key.B,
                        Probability = candidate.Probability,
                        Score = candidate.Score,
                        Band = candidate.Band == MatchBand.Likely ? PairBand.Likely : PairBand.Possible,
                        ComputedAtUtc = now,
                    };
                }
            }
        }

        // Each pair stored with the one probability of the pair (CompareAsync's: in its fixed order), not the one seen
        // from whichever person found it, so the list and the review page say the same.
        var ids = pairs.Keys.SelectMany(k => new[] { k.Item1, k.Item2 }).Distinct().Where(id => !records.ContainsKey(id)).ToList();
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var person in await db.Persons.IgnoreQueryFilters().AsNoTracking().Include(p => p.Addresses).Where(p => chunk.Contains(p.Id)).ToListAsync(ct))
            {
                records[person.Id] = PersonIndex.ToRecord(person);
            }
        }

        var judgedPairs = pairs.Values.Where(p => records.ContainsKey(p.PersonA) && records.ContainsKey(p.PersonB)).ToList();
        var judged = await index.CompareManyInHubAsync(db, hubId, judgedPairs.Select(p => (records[p.PersonA], records[p.PersonB])).ToList(), ct);
        var result = new List<DuplicateCandidate>(judgedPairs.Count);
        for (var i = 0; i < judgedPairs.Count; i++)
        {
            if (judged[i].Band == MatchBand.None)
            {
                continue;
            }

            judgedPairs[i].Probability = judged[i].Probability;
            judgedPairs[i].Score = judged[i].Score;
            judgedPairs[i].Band = judged[i].Band == MatchBand.Likely ? PairBand.Likely : PairBand.Possible;
            result.Add(judgedPairs[i]);
        }

        return result;
    }

    private static async Task InsertAsync(OpenMashDbContext db, IReadOnlyList<DuplicateCandidate> pairs, CancellationToken ct)
    {
        foreach (var chunk in pairs.Chunk(1000))
        {
            db.DuplicateCandidates.AddRange(chunk);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }
}
