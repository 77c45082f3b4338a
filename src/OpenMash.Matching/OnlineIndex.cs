namespace OpenMash.Matching;

/// <summary>A person the index believes may be the queried one: score (match weight, log2 Bayes factor), posterior
/// probability, band, and every field's agreement level and weight.</summary>
public sealed record MatchCandidate(string Id, double Score, double Probability, MatchBand Band, IReadOnlyList<FieldEvidence> Evidence);

/// <summary>An in-memory index of a hub's persons, kept in step with the database (Add/Update/Remove on every change)
/// and answering <see cref="FindCandidates"/>. Safe for concurrent readers with writers: reads share a lock, writes
/// take it alone.</summary>
public sealed class OnlineIndex : IDisposable
{
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly StringPool _pool = new();
    private readonly Dictionary<string, int> _slotById = new(StringComparer.Ordinal);
    private readonly Stack<int> _free = new();
    private readonly KeyTable _keys = new();
    private readonly Dictionary<string, int> _givenCounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _familyCounts = new(StringComparer.Ordinal);
    private PreparedRecord?[] _slots = new PreparedRecord?[1024];
    private int _used;
    private long _givenTotal;
    private long _familyTotal;

    public OnlineIndex(MatchModel model)
    {
        Model = model;
    }

    public MatchModel Model { get; }

    /// <summary>Share of queries expected to be about a person already indexed; sets the prior odds per pair.</summary>
    public double ExpectedKnownShare { get; init; } = 0.5;

    /// <summary>Blocks holding more persons than this are not read: such a key is too common to say anything.</summary>
    public int MaxBlockSize { get; init; } = 500;

    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _slotById.Count;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    /// <summary>Distinct blocking keys held and slots allocated for them (for sizing and benchmarks).</summary>
    public (long Keys, long Capacity) KeyStatistics
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return (_keys.Count, _keys.Capacity);
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    /// <summary>Builds an index over many records, normalising them in parallel first.</summary>
    public static OnlineIndex Build(MatchModel model, IEnumerable<MatchRecord> records, int? expectedCount = null)
    {
        var index = new OnlineIndex(model);
        index.AddRange(records, expectedCount);
        return index;
    }

    public void AddRange(IEnumerable<MatchRecord> records, int? expectedCount = null)
    {
        if (expectedCount is { } c)
        {
            _lock.EnterWriteLock();
            try
            {
                if (_slots.Length < _used + c)
                {
                    Array.Resize(ref _slots, _used + c);
                }

                // Measured: about 8 distinct blocking keys per person at 200,000 persons and 5.7 at 10 million, as more
                // keys come to be shared; the table grows by half if this proves short.
                _keys.EnsureCapacity((long)(_used + c) * 7);
                _slotById.EnsureCapacity(_slotById.Count + c);
            }
            finally
            {
                _lock.ExitWriteLock();
            }
        }

        var keys = new List<ulong>(32);
        foreach (var chunk in records.Chunk(16_384))
        {
            var prepared = new PreparedRecord[chunk.Length];
            Parallel.For(0, chunk.Length, i => prepared[i] = PreparedRecord.From(chunk[i], _pool));
            _lock.EnterWriteLock();
            try
            {
                foreach (var p in prepared)
                {
                    AddLocked(p, keys);
                }
            }
            finally
            {
                _lock.ExitWriteLock();
            }
        }
    }

    /// <summary>Adds a person, or replaces the indexed version with the same Id.</summary>
    public void Add(MatchRecord record) => Update(record);

    /// <summary>Replaces the indexed version of a person (adds it when new).</summary>
    public void Update(MatchRecord record)
    {
        var p = PreparedRecord.From(record, _pool);
        var keys = new List<ulong>(32);
        _lock.EnterWriteLock();
        try
        {
            RemoveLocked(record.Id, keys);
            AddLocked(p, keys);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public bool Remove(string id)
    {
        var keys = new List<ulong>(32);
        _lock.EnterWriteLock();
        try
        {
            return RemoveLocked(id, keys);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public bool Contains(string id)
    {
        _lock.EnterReadLock();
        try
        {
            return _slotById.ContainsKey(id);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Persons who may be the one described, best first, at most <paramref name="max"/>, excluding the record's
    /// own Id and candidates below the model's "possible" threshold unless <paramref name="includeUnlikely"/>.</summary>
    public IReadOnlyList<MatchCandidate> FindCandidates(MatchRecord record, int max = 10, bool includeUnlikely = false)
    {
        var q = PreparedRecord.From(record);
        var keys = new List<ulong>(32);
        Blocking.Keys(q, keys);
        var found = new List<(PreparedRecord P, double W)>();
        Span<byte> levels = stackalloc byte[Comparisons.Count];
        _lock.EnterReadLock();
        try
        {
            q.GivenTf = Tf(_givenCounts, q.Given, _givenTotal);
            q.FamilyTf = Tf(_familyCounts, q.Family, _familyTotal);
            var seen = new HashSet<int>();
            foreach (var k in keys)
            {
                var n = _keys.CountOf(k);
                if (n == 0 || n > MaxBlockSize)
                {
                    continue;
                }

                foreach (var slot in _keys.Slots(k))
                {
                    if (!seen.Add(slot))
                    {
                        continue;
                    }

                    var c = _slots[slot]!;
                    if (c.Id == q.Id)
                    {
                        continue;
                    }

                    Comparisons.Compare(q, c, levels);
                    found.Add((c, Model.Weight(levels, q)));
                }
            }

            var prior = PriorLocked();
            var min = includeUnlikely ? double.NegativeInfinity : Model.PossibleThreshold;
            var result = new List<MatchCandidate>();
            foreach (var (c, w) in found.OrderByDescending(f => f.W).Take(max))
            {
                var prob = MatchModel.Probability(prior, w);
                if (prob < min)
                {
                    break;
                }

                Comparisons.Compare(q, c, levels);
                result.Add(new MatchCandidate(c.Id, w, prob, Model.BandOf(prob), Model.Explain(levels, q)));
            }

            return result;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>
    /// One pair judged exactly as <see cref="FindCandidates"/> judges it (this index's prior and name frequencies,
    /// <paramref name="probe"/> in the place of the query), whether or not either record is indexed: so a pair shows the
    /// same probability, and the label derived from it, on every page that shows it.
    /// </summary>
    public MatchCandidate Compare(MatchRecord probe, MatchRecord other)
    {
        var q = PreparedRecord.From(probe);
        var c = PreparedRecord.From(other);
        Span<byte> levels = stackalloc byte[Comparisons.Count];
        _lock.EnterReadLock();
        try
        {
            q.GivenTf = Tf(_givenCounts, q.Given, _givenTotal);
            q.FamilyTf = Tf(_familyCounts, q.Family, _familyTotal);
            Comparisons.Compare(q, c, levels);
            var w = Model.Weight(levels, q);
            var prob = MatchModel.Probability(PriorLocked(), w);
            return new MatchCandidate(c.Id, w, prob, Model.BandOf(prob), Model.Explain(levels, q));
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    public void Dispose() => _lock.Dispose();

    /// <summary>Prior log-odds that a query is a given indexed person: the expected known share spread over everyone held.</summary>
    private double PriorLocked() => Math.Log2(ExpectedKnownShare / Math.Max(1, _slotById.Count));

    private static float Tf(Dictionary<string, int> counts, string value, long total) =>
        value.Length == 0 || total == 0 ? 0 : Math.Max(counts.GetValueOrDefault(value), 1) / (float)total;

    private void AddLocked(PreparedRecord p, List<ulong> keys)
    {
        if (_slotById.ContainsKey(p.Id))
        {
            RemoveLocked(p.Id, keys);
        }

        int slot;
        if (_free.Count > 0)
        {
            slot = _free.Pop();
        }
        else
        {
            if (_used == _slots.Length)
            {
                Array.Resize(ref _slots, _slots.Length * 2);
            }

            slot = _used++;
        }

        _slots[slot] = p;
        _slotById[p.Id] = slot;
        keys.Clear();
        Blocking.Keys(p, keys);
        foreach (var k in keys)
        {
            _keys.Add(k, slot);
        }

        Tally(_givenCounts, p.Given, 1, ref _givenTotal);
        Tally(_familyCounts, p.Family, 1, ref _familyTotal);
    }

    private bool RemoveLocked(string id, List<ulong> keys)
    {
        if (!_slotById.Remove(id, out var slot))
        {
            return false;
        }

        var p = _slots[slot]!;
        keys.Clear();
        Blocking.Keys(p, keys);
        foreach (var k in keys)
        {
            _keys.Remove(k, slot);
        }

        Tally(_givenCounts, p.Given, -1, ref _givenTotal);
        Tally(_familyCounts, p.Family, -1, ref _familyTotal);
        _slots[slot] = null;
        _free.Push(slot);
        return true;
    }

    private static void Tally(Dictionary<string, int> counts, string value, int delta, ref long total)
    {
        if (value.Length == 0)
        {
            return;
        }

        var n = counts.GetValueOrDefault(value) + delta;
        if (n <= 0)
        {
            counts.Remove(value);
        }
        else
        {
            counts[value] = n;
        }

        total += delta;
    }
}

/// <summary>Blocking key to slots, compact for tens of millions of keys: open addressing over parallel arrays. A key
/// held by one slot stores it inline; more slots go to a growable list whose first element is its length.</summary>
internal sealed class KeyTable
{
    private const int Empty = -1;
    private ulong[] _keys = new ulong[1 << 16];
    private int[] _values = Filled(1 << 16);
    private long _limit = (long)((1 << 16) * MaxLoad);
    private const double MaxLoad = 0.8;
    private long _count;
    private int[][] _lists = new int[1024][];
    private int _listCount;
    private readonly Stack<int> _freeLists = new();

    public long Count => _count;

    public int Capacity => _keys.Length;

    public void EnsureCapacity(long keys)
    {
        var needed = (long)(keys / MaxLoad);
        if (needed > _keys.Length)
        {
            Rehash((int)Math.Min(Array.MaxLength, needed));
        }
    }

    public int CountOf(ulong key)
    {
        var i = Find(key);
        if (i < 0)
        {
            return 0;
        }

        var v = _values[i];
        return v == Empty ? 0 : v >= 0 ? 1 : _lists[-(v + 2)][0];
    }

    public IEnumerable<int> Slots(ulong key)
    {
        var i = Find(key);
        if (i < 0)
        {
            yield break;
        }

        var v = _values[i];
        if (v >= 0)
        {
            yield return v;
        }
        else if (v != Empty)
        {
            var list = _lists[-(v + 2)];
            for (var j = 1; j <= list[0]; j++)
            {
                yield return list[j];
            }
        }
    }

    public void Add(ulong key, int slot)
    {
        if (_count + 1 > _limit)
        {
            Rehash((int)Math.Min(Array.MaxLength, (long)(_keys.Length * 1.5)));
        }

        var i = Home(key, _keys.Length);
        while (_keys[i] != 0 && _keys[i] != key)
        {
            i = Next(i, _keys.Length);
        }

        if (_keys[i] == 0)
        {
            _keys[i] = key;
            _values[i] = slot;
            _count++;
            return;
        }

        var v = _values[i];
        if (v == Empty)
        {
            _values[i] = slot;
        }
        else if (v >= 0)
        {
            var id = NewList();
            _lists[id] = [2, v, slot, 0];
            _values[i] = -(id + 2);
        }
        else
        {
            var id = -(v + 2);
            var list = _lists[id];
            if (list[0] + 1 >= list.Length)
            {
                Array.Resize(ref list, list.Length * 2);
                _lists[id] = list;
            }

            list[++list[0]] = slot;
        }
    }

    public void Remove(ulong key, int slot)
    {
        var i = Find(key);
        if (i < 0)
        {
            return;
        }

        var v = _values[i];
        if (v >= 0)
        {
            if (v == slot)
            {
                _values[i] = Empty;
            }
        }
        else if (v != Empty)
        {
            var id = -(v + 2);
            var list = _lists[id];
            for (var j = 1; j <= list[0]; j++)
            {
                if (list[j] == slot)
                {
                    list[j] = list[list[0]];
                    list[0]--;
                    break;
                }
            }

            if (list[0] == 1)
            {
                _values[i] = list[1];
                _lists[id] = null!;
                _freeLists.Push(id);
            }
        }
    }

    private int NewList()
    {
        if (_freeLists.Count > 0)
        {
            return _freeLists.Pop();
        }

        if (_listCount == _lists.Length)
        {
            Array.Resize(ref _lists, _lists.Length * 2);
        }

        return _listCount++;
    }

    private int Find(ulong key)
    {
        var i = Home(key, _keys.Length);
        while (_keys[i] != 0)
        {
            if (_keys[i] == key)
            {
                return i;
            }

            i = Next(i, _keys.Length);
        }

        return -1;
    }

    // Range reduction by multiplication (Lemire) lets the table be sized exactly rather than to a power of two.
    private static int Home(ulong key, int length) => (int)(((Mix(key) >> 32) * (ulong)length) >> 32);

    private static int Next(int i, int length) => i + 1 == length ? 0 : i + 1;

    private void Rehash(int size)
    {
        var oldKeys = _keys;
        var oldValues = _values;
        _keys = new ulong[size];
        _values = Filled(size);
        _limit = (long)(size * MaxLoad);
        for (var j = 0; j < oldKeys.Length; j++)
        {
            if (oldKeys[j] == 0)
            {
                continue;
            }

            var i = Home(oldKeys[j], size);
            while (_keys[i] != 0)
            {
                i = Next(i, size);
            }

            _keys[i] = oldKeys[j];
            _values[i] = oldValues[j];
        }
    }

    private static ulong Mix(ulong x)
    {
        x ^= x >> 33;
        x *= 0xff51afd7ed558ccdUL;
        x ^= x >> 33;
        return x;
    }

    private static int[] Filled(int size)
    {
        var a = new int[size];
        Array.Fill(a, Empty);
        return a;
    }
}
