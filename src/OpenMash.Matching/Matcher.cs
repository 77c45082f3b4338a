using System.Collections.Concurrent;

namespace OpenMash.Matching;

/// <summary>Settings for batch matching; the defaults suit a few hundred to a few million records.</summary>
public sealed record MatchOptions
{
    /// <summary>Random pairs compared to estimate u probabilities.</summary>
    public int RandomPairs { get; init; } = 200_000;

    /// <summary>Blocks larger than this are skipped: such a key says too little to be worth the pairs it makes.</summary>
    public int MaxBlockSize { get; init; } = 1_000;

    public int Seed { get; init; } = 20_240_601;

    /// <summary>Once m and the prior are learned, estimate u again from the same random pairs, each counted by its
    /// probability of being a non-match: a random sample holds about prior x sample size matches (about 200 in a
    /// 1,000-record file), which inflate u for the levels matches reach and so cap the weight of strong agreement.</summary>
    public bool DecontaminateU { get; init; } = true;

    /// <summary><see cref="Matcher.Train"/> learns from a sample of about this many records when given more: m and u
    /// are proportions, which a sample estimates well, and training on a whole national index would be slow.</summary>
    public int MaxTrainingRecords { get; init; } = 50_000;

    /// <summary>When linking, the sources are each free of duplicates, so a record matches at most one record of each
    /// other source. The resolved pairs then weigh every one-to-one assignment inside a group of linked records, with
    /// the prior odds of a pair raised by 1 / ((1 - a) (1 - b)), where a and b are the shares of the two records'
    /// sources that have a match in the other (expected matches among the candidates over source size): a record
    /// that almost surely has a match, and has one good candidate, is matched to it (see <see cref="MatchResult.OneToOneLog2Boost"/>).</summary>
    public bool OneToOne { get; init; } = true;

    /// <summary>Iterations allowed to each EM start (most converge in well under a hundred).</summary>
    public int MaxEmIterations { get; init; } = 1_000;
    public double LikelyThreshold { get; init; } = 0.5;
    public double PossibleThreshold { get; init; } = 0.1;
}

/// <summary>A compared candidate pair, by index into the input records.</summary>
public readonly record struct ScoredPair(int A, int B, double Weight, double Probability);

/// <summary>The outcome of a batch de-duplication or linkage.</summary>
public sealed class MatchResult
{
    private readonly PreparedRecord[] _prepared;

    internal MatchResult(MatchModel model, PreparedRecord[] prepared, ScoredPair[] pairs, double allPairs)
    {
        Model = model;
        _prepared = prepared;
        Pairs = pairs;
        AllPairs = allPairs;
    }

    public MatchModel Model { get; }

    /// <summary>True for a linkage (pairs only across sources), false for a de-duplication.</summary>
    public bool Linked { get; init; }

    /// <summary>Milliseconds spent in each phase (prepare, u, candidates, em, score, resolve).</summary>
    public IReadOnlyDictionary<string, double> PhaseMilliseconds { get; init; } = new Dictionary<string, double>();

    /// <summary>Every candidate pair that blocking produced, scored on its own evidence.</summary>
    public IReadOnlyList<ScoredPair> Pairs { get; }

    /// <summary>The pairs at or above the possible threshold once every pair's probability is made consistent with
    /// the others (<see cref="ConsistentPairs"/>): what <see cref="Matcher.Deduplicate"/> and <see cref="Matcher.Link"/>
    /// report as possible and likely matches.</summary>
    public IReadOnlyList<ScoredPair> ResolvedPairs { get; init; } = [];

    /// <summary>Number of pairs that could be compared (all pairs, or all cross-source pairs when linking).</summary>
    public double AllPairs { get; }

    public string IdOf(int index) => _prepared[index].Id;

    /// <summary>Expected share of each source's records that have a match in each other source (linking with
    /// <see cref="MatchOptions.OneToOne"/>), indexed [source, other source]; empty otherwise.</summary>
    internal Dictionary<(int, int), double> MatchedShare { get; init; } = [];

    /// <summary>The log2 factor by which the one-to-one structure raises the prior odds of a pair of records from
    /// these two sources: -log2((1 - a)(1 - b)), a and b the shares of each source with a match in the other. Under
    /// a prior that picks which records are matched and then pairs them at random, adding one matched pair to an
    /// assignment multiplies its probability by prior / ((1 - a)(1 - b)), not prior / (1 - prior): the more surely a
    /// record has a match, the less its lone candidate needs to prove. 0 when not linking one-to-one.</summary>
    public double OneToOneLog2Boost(int sourceA, int sourceB) =>
        MatchedShare.TryGetValue((sourceA, sourceB), out var a) && MatchedShare.TryGetValue((sourceB, sourceA), out var b)
            ? -Math.Log2((1 - a) * (1 - b))
            : 0;

    private double Boost(int a, int b) => Linked && MatchedShare.Count > 0 ? OneToOneLog2Boost(_prepared[a].Source, _prepared[b].Source) : 0;

    public IReadOnlyList<FieldEvidence> Explain(ScoredPair pair)
    {
        Span<byte> levels = stackalloc byte[Comparisons.Count];
        Comparisons.Compare(_prepared[pair.A], _prepared[pair.B], levels);
        return Model.Explain(levels, _prepared[pair.A]);
    }

    /// <summary>Pair probabilities made consistent with transitivity (if a and c are the same person, and c and b,
    /// so are a and b). Records joined by pairs at or above the possible threshold form groups; inside a group of at
    /// most <paramref name="maxGroup"/> records every way of splitting the group into persons is weighed by the
    /// product, over the pairs it puts together, of their posterior odds (pairs that blocking did not bring together
    /// are compared now; when linking, two records of one source are never the same person), and a pair's
    /// probability is the share of that weight on the splits that put it together. So a pair whose own comparison is
    /// doubtful becomes likely when both records are surely the same as a third, and a doubtful link between two
    /// groups becomes less likely when the records it would join disagree. A larger group is split again by its
    /// likely pairs, then by pairs at 0.9 and 0.99; a part still too large keeps its own probabilities. Returns the
    /// pairs at or above <paramref name="minProbability"/> (A &lt; B), each with its own weight (computed now when
    /// blocking did not make it a candidate; negative infinity for two records of one source when linking).</summary>
    public IReadOnlyList<ScoredPair> ConsistentPairs(double minProbability, int maxGroup = 8)
    {
        // Only the linking pairs are indexed; any other pair inside a group is compared again (the same weight).
        // When linking one-to-one, a pair's probability on its own is taken with the one-to-one prior odds.
        // Each is then set against the record's other candidates in the same source, from either side (the
        // probability that this is the record's one match rather than another candidate or none), so that a record
        // with many weak candidates (a common name) does not get all of them, and groups stay small.
        var prior = Model.PriorLog2Odds;
        var oneToOne = Linked && MatchedShare.Count > 0;
        var odds = new Dictionary<(int, int), double>();
        if (oneToOne)
        {
            foreach (var pair in Pairs)
            {
                var x = Math.Pow(2, Math.Clamp(prior + Boost(pair.A, pair.B) + pair.Weight, -500, 500));
                Add(pair.A, _prepared[pair.B].Source, x);
                Add(pair.B, _prepared[pair.A].Source, x);
            }

            void Add(int record, int source, double x) => odds[(record, source)] = odds.GetValueOrDefault((record, source)) + x;
        }

        var direct = new Dictionary<(int, int), ScoredPair>();
        foreach (var pair in Pairs)
        {
            var p = pair;
            if (oneToOne)
            {
                var x = Math.Pow(2, Math.Clamp(prior + Boost(pair.A, pair.B) + pair.Weight, -500, 500));
                var sideA = x / (1 + odds[(pair.A, _prepared[pair.B].Source)]);
                var sideB = x / (1 + odds[(pair.B, _prepared[pair.A].Source)]);
                p = pair with { Probability = Math.Min(sideA, sideB) };
            }

            if (p.Probability >= Model.PossibleThreshold)
            {
                direct[(Math.Min(p.A, p.B), Math.Max(p.A, p.B))] = p;
            }
        }

        // Records joined by a pair at or above a floor, found by walking the pairs at or above the possible threshold.
        var links = new Dictionary<int, List<(int Other, double P)>>();
        foreach (var p in direct.Values)
        {
            Link(p.A, p.B, p.Probability);
            Link(p.B, p.A, p.Probability);
        }

        void Link(int x, int y, double p)
        {
            if (!links.TryGetValue(x, out var list))
            {
                links[x] = list = [];
            }

            list.Add((y, p));
        }

        var groups = new List<List<int>>();
        double[] floors = [Model.PossibleThreshold, Model.LikelyThreshold, 0.9, 0.99];
        Split([.. links.Keys], 0);

        void Split(List<int> records, int level)
        {
            var seen = new HashSet<int>();
            foreach (var start in records)
            {
                if (!seen.Add(start))
                {
                    continue;
                }

                var g = new List<int> { start };
                for (var i = 0; i < g.Count; i++)
                {
                    foreach (var (other, p) in links[g[i]])
                    {
                        if (p >= floors[level] && seen.Add(other))
                        {
                            g.Add(other);
                        }
                    }
                }

                if (g.Count < 2)
                {
                    continue;
                }

                if (g.Count <= maxGroup)
                {
                    groups.Add(g);
                }
                else if (level + 1 < floors.Length)
                {
                    Split(g, level + 1);
                }

                // A part still too large keeps its pairs' own probabilities.
            }
        }

        var result = new ConcurrentBag<ScoredPair>();
        Parallel.ForEach(groups, g =>
        {
            g.Sort();
            var m = g.Count;
            if (m == 2)
            {
                if (direct.TryGetValue((g[0], g[1]), out var d) && d.Probability >= minProbability)
                {
                    result.Add(d with { A = g[0], B = g[1] });
                }

                return;
            }

            Span<byte> levels = stackalloc byte[Comparisons.Count];
            var logOdds = new double[m, m];
            var weights = new double[m, m];
            for (var i = 0; i < m; i++)
            {
                for (var j = i + 1; j < m; j++)
                {
                    double w;
                    if (Linked && _prepared[g[i]].Source == _prepared[g[j]].Source)
                    {
                        w = double.NegativeInfinity;
                    }
                    else if (direct.TryGetValue((g[i], g[j]), out var d))
                    {
                        w = d.Weight;
                    }
                    else
                    {
                        Comparisons.Compare(_prepared[g[i]], _prepared[g[j]], levels);
                        w = Model.Weight(levels, _prepared[g[i]]);
                    }

                    weights[i, j] = w;
                    logOdds[i, j] = logOdds[j, i] = double.IsNegativeInfinity(w)
                        ? double.NegativeInfinity
                        : Math.Clamp((prior + Boost(g[i], g[j]) + w) * Math.Log(2), -700, 700);
                }
            }

            var together = Partitions.Marginals(logOdds, m);
            for (var i = 0; i < m; i++)
            {
                for (var j = i + 1; j < m; j++)
                {
                    if (together[i, j] >= minProbability)
                    {
                        result.Add(new ScoredPair(g[i], g[j], weights[i, j], together[i, j]));
                    }
                }
            }
        });

        // A pair of records that are in no group (in a part still too large, or left alone by a split) keeps its own
        // probability. A pair across two parts of a split group is dropped: keeping it at its own probability was
        // tried and lost precision (Splink fake_1000 0.9569 -> 0.9547, generated historical persons 0.9749 -> 0.9727).
        var groupOf = new Dictionary<int, int>();
        for (var i = 0; i < groups.Count; i++)
        {
            foreach (var r in groups[i])
            {
                groupOf[r] = i;
            }
        }

        foreach (var ((a, b), d) in direct)
        {
            var ga = groupOf.GetValueOrDefault(a, -1);
            if (ga < 0 && groupOf.GetValueOrDefault(b, -1) < 0 && d.Probability >= minProbability)
            {
                result.Add(d with { A = a, B = b });
            }
        }

        return [.. result.OrderBy(p => p.A).ThenBy(p => p.B)];
    }

    /// <summary>Clusters (connected components of pairs at or above the probability); returns a cluster number per record.</summary>
    public int[] Cluster(double minProbability)
    {
        var parent = Enumerable.Range(0, _prepared.Length).ToArray();
        int Find(int x)
        {
            while (parent[x] != x)
            {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }

            return x;
        }

        foreach (var p in Pairs)
        {
            if (p.Probability >= minProbability)
            {
                var (ra, rb) = (Find(p.A), Find(p.B));
                if (ra != rb)
                {
                    parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
                }
            }
        }

        var result = new int[parent.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = Find(i);
        }

        return result;
    }
}

/// <summary>Batch matching: learns a <see cref="MatchModel"/> from the records themselves (no labels) and scores
/// candidate pairs. De-duplication compares every record with every other; linkage only records of different
/// <see cref="MatchRecord.Source"/>.</summary>
public static class Matcher
{
    public static MatchResult Deduplicate(IReadOnlyList<MatchRecord> records, MatchOptions? options = null) =>
        Run(records, link: false, options ?? new MatchOptions(), resolve: true);

    public static MatchResult Link(IReadOnlyList<MatchRecord> records, MatchOptions? options = null) =>
        Run(records, link: true, options ?? new MatchOptions(), resolve: true);

    /// <summary>Learns a model from the records (treated as one source to de-duplicate), e.g. a hub's persons at start-up.</summary>
    public static MatchModel Train(IReadOnlyList<MatchRecord> records, MatchOptions? options = null)
    {
        var o = options ?? new MatchOptions();
        if (records.Count > o.MaxTrainingRecords)
        {
            // Sample whole families (by the sound of the surname), not single records: a record sample keeps a
            // duplicate pair only with the square of the sampling rate, and EM needs the matches to learn m.
            var share = (double)o.MaxTrainingRecords / records.Count;
            records = [.. records.Where(r =>
                Blocking.Hash(o.Seed, Phonetic.DoubleMetaphone(r.FamilyName).Primary) % 1_000_000UL < share * 1_000_000)];
        }

        return Run(records, link: false, o, resolve: false).Model;
    }

    /// <summary>Scores and explains one pair of records under a model (prior as in training).</summary>
    public static MatchCandidate Compare(MatchModel model, MatchRecord a, MatchRecord b)
    {
        var pa = PreparedRecord.From(a);
        var pb = PreparedRecord.From(b);
        Span<byte> levels = stackalloc byte[Comparisons.Count];
        Comparisons.Compare(pa, pb, levels);
        var w = model.Weight(levels, pa);
        var p = MatchModel.Probability(model.PriorLog2Odds, w);
        return new MatchCandidate(b.Id, w, p, model.BandOf(p), model.Explain(levels, pa));
    }

    private static MatchResult Run(IReadOnlyList<MatchRecord> records, bool link, MatchOptions o, bool resolve)
    {
        var n = records.Count;
        var phases = new Dictionary<string, double>(StringComparer.Ordinal);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        void Lap(string name)
        {
            phases[name] = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
        }

        var pool = new StringPool();
        var prepared = new PreparedRecord[n];
        Parallel.For(0, n, i => prepared[i] = PreparedRecord.From(records[i], pool));
        SetTermFrequencies(prepared);

        double allPairs;
        if (link)
        {
            var bySource = prepared.GroupBy(p => p.Source).Select(g => (double)g.Count()).ToArray();
            var total = bySource.Sum();
            allPairs = bySource.Sum(c => c * (total - c)) / 2;
        }
        else
        {
            allPairs = (double)n * (n - 1) / 2;
        }

        allPairs = Math.Max(allPairs, 1);
        Lap("prepare");
        var randomPatterns = RandomPatterns(prepared, link, o);
        var u = UFromPatterns(randomPatterns, null);
        Lap("u");
        var (pairIdx, patterns) = CandidatePairs(prepared, link, o.MaxBlockSize);
        Lap("candidates");

        var counts = new Dictionary<ulong, long>();
        foreach (var p in patterns)
        {
            counts[p] = counts.GetValueOrDefault(p) + 1;
        }

        // EM from several starts; the best by likelihood whose final model (u corrected as below) passes the check
        // against the data is used, else the best by likelihood, reported as degenerate.
        // When household pairs get their own stratum and no start of that fit passes, the fit without the stratum
        // is tried next (its two-class model in the stratum is identifiable only when the stratum holds both classes).
        var fit = new EmFit(counts, u, allPairs, n);
        var runs = fit.FitAll(o.MaxEmIterations).Select(s => (Fit: fit, State: s)).ToList();
        MatchModel? model = null;
        LearningDiagnostics? check = null;
        var tried = new List<EmStart>();
        for (var r = 0; r < runs.Count; r++)
        {
            var (f, state) = runs[r];
            if (!state.Converged)
            {
                f.Run(state, o.MaxEmIterations - state.Iterations);
            }

            var candidate = f.ToModel(state);
            if (o.DecontaminateU)
            {
                // m and the prior are kept: fitting EM again with the corrected u moved m of the "different" levels
                // (their weights rose by 0.4 to 6 bits) and cost precision on data sets whose u hardly changed.
                candidate = new MatchModel(candidate.M, UFromPatterns(randomPatterns, candidate), candidate.PriorProbability, candidate.TrainingRecords,
                    candidate.EmIterations, candidate.UH, candidate.HouseholdPriorProbability);
            }

            var c = f.Check(candidate, o.LikelyThreshold);
            var name = f.Stratified ? state.Name : $"{state.Name}, no household stratum";
            tried.Add(new EmStart(name, state.LogLikelihood, state.Iterations, state.Converged, state.Lambda) { Check = c.Check });
            if (model is null || !c.Degenerate)
            {
                (model, check) = (candidate, c with { ChosenStart = name });
            }

            if (!c.Degenerate)
            {
                break;
            }

            if (r == runs.Count - 1 && f.Stratified)
            {
                var plain = new EmFit(counts, u, allPairs, n, allowStratum: false);
                runs.AddRange(plain.FitAll(o.MaxEmIterations).Select(s => (Fit: plain, State: s)));
            }
        }

        var starts = tried.Concat(runs.Skip(tried.Count).Select(r => new EmStart(
            r.Fit.Stratified ? r.State.Name : $"{r.State.Name}, no household stratum", r.State.LogLikelihood, r.State.Iterations, r.State.Converged, r.State.Lambda))).ToList();
        model = new MatchModel(model!.M, model.U, model.PriorProbability, model.TrainingRecords, model.EmIterations, model.UH, model.HouseholdPriorProbability)
        {
            LikelyThreshold = o.LikelyThreshold,
            PossibleThreshold = o.PossibleThreshold,
            Diagnostics = check! with { Starts = starts },
        };

        Lap("em");
        var prior = model.PriorLog2Odds;
        var scored = new ScoredPair[pairIdx.Length];
        Parallel.For(0, scored.Length, i =>
        {
            Span<byte> levels = stackalloc byte[Comparisons.Count];
            var (a, b) = pairIdx[i];
            var key = patterns[i];
            for (var k = 0; k < Comparisons.Count; k++)
            {
                levels[k] = (byte)((key >> (4 * k)) & 0xF);
            }

            var w = model.Weight(levels, prepared[a]);
            scored[i] = new ScoredPair(a, b, w, MatchModel.Probability(prior, w));
        });

        Lap("score");
        var result = new MatchResult(model, prepared, scored, allPairs) { PhaseMilliseconds = phases, Linked = link };
        if (!resolve)
        {
            return result;
        }

        var shares = new Dictionary<(int, int), double>();
        if (link && o.OneToOne)
        {
            // Expected matches between two sources: the sum of their candidate pairs' probabilities (matches that
            // blocking missed are not counted, so a record whose match was never compared keeps some doubt).
            var expected = new Dictionary<(int, int), double>();
            foreach (var p in scored)
            {
                var key = (prepared[p.A].Source, prepared[p.B].Source);
                expected[key] = expected.GetValueOrDefault(key) + p.Probability;
            }

            var sizes = prepared.GroupBy(p => p.Source).ToDictionary(g => g.Key, g => g.Count());
            foreach (var ((sa, sb), e) in expected)
            {
                foreach (var (x, y) in new[] { (sa, sb), (sb, sa) })
                {
                    // At most all but half a record: a share of 1 would make any lone candidate certain.
                    var size = sizes[x];
                    shares[(x, y)] = Math.Min(shares.GetValueOrDefault((x, y)) + (e / size), 1 - (0.5 / size));
                }
            }
        }

        result = new MatchResult(model, prepared, scored, allPairs) { PhaseMilliseconds = phases, Linked = link, MatchedShare = shares };
        var resolved = result.ConsistentPairs(model.PossibleThreshold);
        Lap("resolve");
        return new MatchResult(model, prepared, scored, allPairs) { PhaseMilliseconds = phases, Linked = link, ResolvedPairs = resolved, MatchedShare = shares };
    }

    internal static void SetTermFrequencies(PreparedRecord[] prepared)
    {
        var given = new Dictionary<string, int>(StringComparer.Ordinal);
        var family = new Dictionary<string, int>(StringComparer.Ordinal);
        int gn = 0, fn = 0;
        foreach (var p in prepared)
        {
            if (p.Given.Length > 0)
            {
                given[p.Given] = given.GetValueOrDefault(p.Given) + 1;
                gn++;
            }

            if (p.Family.Length > 0)
            {
                family[p.Family] = family.GetValueOrDefault(p.Family) + 1;
                fn++;
            }
        }

        foreach (var p in prepared)
        {
            p.GivenTf = p.Given.Length > 0 ? (float)given[p.Given] / gn : 0;
            p.FamilyTf = p.Family.Length > 0 ? (float)family[p.Family] / fn : 0;
        }
    }

    /// <summary>u probabilities from random pairs: nearly all random pairs are non-matches.</summary>
    internal static double[][] EstimateU(PreparedRecord[] prepared, bool link, MatchOptions o) =>
        UFromPatterns(RandomPatterns(prepared, link, o), null);

    /// <summary>Agreement patterns of random pairs (pattern -> count).</summary>
    internal static Dictionary<ulong, long> RandomPatterns(PreparedRecord[] prepared, bool link, MatchOptions o)
    {
        var n = prepared.Length;
        var result = new Dictionary<ulong, long>();
        if (n < 2)
        {
            return result;
        }

        var workers = Environment.ProcessorCount;
        var perWorker = Math.Max(1, o.RandomPairs / workers);
        var local = new Dictionary<ulong, long>[workers];
        Parallel.For(0, workers, w =>
        {
            var rng = new Random(o.Seed + w);
            var c = new Dictionary<ulong, long>();
            Span<byte> levels = stackalloc byte[Comparisons.Count];
            var done = 0;
            var tries = 0;
            while (done < perWorker && tries++ < perWorker * 20)
            {
                int i = rng.Next(n), j = rng.Next(n);
                if (i == j || (link && prepared[i].Source == prepared[j].Source))
                {
                    continue;
                }

                Comparisons.Compare(prepared[i], prepared[j], levels);
                var key = MatchModel.Pack(levels);
                c[key] = c.GetValueOrDefault(key) + 1;
                done++;
            }

            local[w] = c;
        });
        foreach (var c in local)
        {
            foreach (var (key, count) in c)
            {
                result[key] = result.GetValueOrDefault(key) + count;
            }
        }

        return result;
    }

    /// <summary>u from random-pair patterns. Without a model every random pair counts as a non-match; with one, each
    /// pattern counts with its posterior probability of being a non-match, so that the matches a random sample
    /// holds (about prior x sample size of them; hundreds in a small file) do not inflate u for the levels matches
    /// reach, which would cap the weight of strong agreement (a whole address) at about -log2(prior x m).</summary>
    internal static double[][] UFromPatterns(Dictionary<ulong, long> patterns, MatchModel? model)
    {
        var counts = Enumerable.Range(0, Comparisons.Count).Select(k => new double[Comparisons.LevelNames[k].Count]).ToArray();
        var prior = model?.PriorLog2Odds ?? 0;
        foreach (var (key, count) in patterns)
        {
            var levels = MatchModel.Unpack(key, Comparisons.Count);
            var weight = model is null ? count : count * (1 - MatchModel.Probability(prior, model.PatternWeight(levels)));
            for (var k = 0; k < levels.Length; k++)
            {
                if (levels[k] != Comparisons.Null)
                {
                    counts[k][levels[k]] += weight;
                }
            }
        }

        return counts.Select(c =>
        {
            var total = c.Sum();
            return c.Select(x => (x + 0.1) / (total + (0.1 * c.Length))).ToArray();
        }).ToArray();
    }

    private static ((int, int)[] Pairs, ulong[] Patterns) CandidatePairs(PreparedRecord[] prepared, bool link, int maxBlock)
    {
        var n = prepared.Length;
        var recordKeys = new ulong[n][];
        Parallel.For(0, n, () => new List<ulong>(24), (i, _, list) =>
        {
            list.Clear();
            Blocking.Keys(prepared[i], list, batch: true);
            recordKeys[i] = [.. list];
            return list;
        }, _ => { });

        var blocks = new Dictionary<ulong, List<int>>();
        for (var i = 0; i < n; i++)
        {
            foreach (var k in recordKeys[i])
            {
                if (!blocks.TryGetValue(k, out var list))
                {
                    blocks[k] = list = new List<int>(2);
                }

                list.Add(i);
            }
        }

        var results = new ConcurrentBag<(List<(int, int)>, List<ulong>)>();
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, n, Math.Max(64, n / 64)), range =>
        {
            var stamp = new int[n];
            Array.Fill(stamp, -1);
            var pairs = new List<(int, int)>();
            var pats = new List<ulong>();
            Span<byte> levels = stackalloc byte[Comparisons.Count];
            for (var i = range.Item1; i < range.Item2; i++)
            {
                var a = prepared[i];
                foreach (var k in recordKeys[i])
                {
                    var block = blocks[k];
                    if (block.Count < 2 || block.Count > maxBlock)
                    {
                        continue;
                    }

                    foreach (var j in block)
                    {
                        if (j <= i || stamp[j] == i || (link && prepared[j].Source == a.Source))
                        {
                            continue;
                        }

                        stamp[j] = i;
                        Comparisons.Compare(a, prepared[j], levels);
                        pairs.Add((i, j));
                        pats.Add(MatchModel.Pack(levels));
                    }
                }
            }

            results.Add((pairs, pats));
        });

        var allPairs = new List<(int, int)>();
        var allPatterns = new List<ulong>();
        foreach (var (p, q) in results)
        {
            allPairs.AddRange(p);
            allPatterns.AddRange(q);
        }

        return ([.. allPairs], [.. allPatterns]);
    }
}

/// <summary>Exact marginals over all set partitions of a small group (at most about ten records).</summary>
internal static class Partitions
{
    /// <summary>P(i and j in one block) when a partition's weight is exp(sum of logOdds[i, j] over pairs in one
    /// block); negative infinity forbids a pair.</summary>
    internal static double[,] Marginals(double[,] logOdds, int n)
    {
        var assign = new int[n];
        var best = double.NegativeInfinity;
        var total = 0.0;
        var together = new double[n, n];
        Walk(0, 0, 0, (score, a) =>
        {
            if (score > best)
            {
                // Keep the sums scaled by the best partition so far: exp never overflows.
                var scale = Math.Exp(best - score);
                total *= scale;
                for (var i = 0; i < n; i++)
                {
                    for (var j = i + 1; j < n; j++)
                    {
                        together[i, j] *= scale;
                    }
                }

                best = score;
            }

            var x = Math.Exp(score - best);
            total += x;
            for (var i = 0; i < n; i++)
            {
                for (var j = i + 1; j < n; j++)
                {
                    if (a[i] == a[j])
                    {
                        together[i, j] += x;
                    }
                }
            }
        });
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                together[i, j] /= total;
                together[j, i] = together[i, j];
            }
        }

        return together;

        void Walk(int i, int blocks, double score, Action<double, int[]> leaf)
        {
            if (i == n)
            {
                leaf(score, assign);
                return;
            }

            for (var b = 0; b <= blocks; b++)
            {
                var add = 0.0;
                for (var k = 0; k < i && b < blocks; k++)
                {
                    if (assign[k] == b)
                    {
                        add += logOdds[i, k];
                    }
                }

                if (double.IsNegativeInfinity(add))
                {
                    continue;
                }

                assign[i] = b;
                Walk(i + 1, b == blocks ? blocks + 1 : blocks, score + add, leaf);
            }
        }
    }
}
