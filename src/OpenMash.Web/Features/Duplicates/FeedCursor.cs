using System.Text.Json;

namespace OpenMash.Web.Features.Duplicates;

/// <summary>
/// Where a reader of the person change feed is: every id up to <see cref="Through"/> has been applied, except the
/// <see cref="Gaps"/>. Ids are given by the database in increasing order but, on PostgreSQL, a transaction holding a
/// lower id can commit after a higher one was read; so an id skipped over is remembered as a gap and read again
/// until it appears or <c>gapLife</c> has passed (a rolled-back transaction leaves a gap that never fills).
/// </summary>
public sealed class FeedCursor
{
    /// <summary>Gaps kept at most; a larger hole (a huge rolled-back import) is remembered only in part.</summary>
    public const int MaxGaps = 10_000;

    private readonly Dictionary<long, DateTime> _gaps;

    public FeedCursor(long through, IDictionary<long, DateTime>? gaps = null)
    {
        Through = through;
        _gaps = gaps is null ? [] : new Dictionary<long, DateTime>(gaps);
    }

    public long Through { get; private set; }

    public IReadOnlyCollection<long> Gaps => _gaps.Keys;

    /// <summary>
    /// A cursor for a reader starting now: at the highest id, with the ids missing among the last
    /// <paramref name="lookBack"/> below it as gaps (their transactions may not have committed yet).
    /// </summary>
    public static FeedCursor StartingAt(long highest, IEnumerable<long> presentNearTheTop, long lookBack, DateTime now)
    {
        var present = presentNearTheTop.ToHashSet();
        var gaps = new Dictionary<long, DateTime>();
        for (var id = highest - 1; id > Math.Max(0, highest - lookBack) && gaps.Count < MaxGaps; id--)
        {
            if (!present.Contains(id))
            {
                gaps[id] = now;
            }
        }

        return new FeedCursor(highest, gaps);
    }

    public static FeedCursor FromJson(long through, string gapsJson) =>
        new(through, JsonSerializer.Deserialize<Dictionary<long, DateTime>>(gapsJson) ?? []);

    public string GapsToJson() => JsonSerializer.Serialize(_gaps);

    /// <summary>Takes in the ids just read (entries after <see cref="Through"/> and any gaps that appeared).</summary>
    public void Advance(IEnumerable<long> ids, DateTime now, TimeSpan gapLife)
    {
        foreach (var id in ids.Order())
        {
            if (id <= Through)
            {
                _gaps.Remove(id);
                continue;
            }

            for (var missing = Math.Max(Through + 1, id - MaxGaps); missing < id && _gaps.Count < MaxGaps; missing++)
            {
                _gaps[missing] = now;
            }

            Through = id;
        }

        ExpireGaps(now, gapLife);
    }

    /// <summary>Forgets gaps older than <paramref name="gapLife"/>; true if any was forgotten.</summary>
    public bool ExpireGaps(DateTime now, TimeSpan gapLife)
    {
        var expired = _gaps.Where(g => now - g.Value > gapLife).Select(g => g.Key).ToList();
        foreach (var id in expired)
        {
            _gaps.Remove(id);
        }

        return expired.Count > 0;
    }
}
