using System.Diagnostics;
using System.Globalization;
using OpenMash.Matching;

namespace OpenMash.Benchmarks;

/// <summary>match-eval: learn without labels, match, and score the result against the file's ground truth.</summary>
internal static class MatchEval
{
    public static int Run(string[] args)
    {
        string? format = null;
        var inputs = new List<string>();
        string? link = null;
        var withoutId = false;
        var verbose = false;
        var dump = 0;
        var options = new MatchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--format": format = args[++i]; break;
                case "--input": inputs.Add(args[++i]); break;
                case "--link": link = args[++i]; break;
                case "--without-id": withoutId = true; break;
                case "--verbose": verbose = true; break;
                case "--no-one-to-one": options = options with { OneToOne = false }; break;
                case "--no-decontaminate": options = options with { DecontaminateU = false }; break;
                case "--dump": dump = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine($"unknown option {args[i]}");
                    return 2;
            }
        }

        if (format is null || inputs.Count == 0)
        {
            Console.Error.WriteLine("usage: match-eval --format <febrl|splink|rldata|ncvr|openmash> --input <file> [--input <file>...] [--link <file2>] [--without-id] [--verbose] [--dump N] [--no-decontaminate]");
            return 2;
        }

        if (link is not null)
        {
            inputs.Add(link);
        }

        var isLink = inputs.Count > 1;
        var total = Stopwatch.StartNew();
        var data = MatchData.Read(format, inputs, withoutId);
        var readTime = total.Elapsed;
        var matchWatch = Stopwatch.StartNew();
        var result = isLink ? Matcher.Link(data.Records, options) : Matcher.Deduplicate(data.Records, options);
        var matchTime = matchWatch.Elapsed;
        var clusterWatch = Stopwatch.StartNew();
        var clusters = result.Cluster(result.Model.LikelyThreshold);
        var clusterTime = clusterWatch.Elapsed;
        total.Stop();

        var truth = data.Truth;
        var sources = data.Records.Select(r => r.Source).ToArray();
        var truePairs = CountPairs(Enumerable.Range(0, truth.Count).GroupBy(i => truth[i]), sources, isLink);
        bool IsTrue(ScoredPair p) => truth[p.A] == truth[p.B];

        var likely = result.Model.LikelyThreshold;
        long tp = 0, predicted = 0, candidatesTrue = 0;
        foreach (var p in result.Pairs)
        {
            var t = IsTrue(p);
            candidatesTrue += t ? 1 : 0;
            if (p.Probability >= likely)
            {
                predicted++;
                tp += t ? 1 : 0;
            }
        }

        var (precision, recall, f1) = Metrics(tp, predicted, truePairs);
        var strictPredicted = result.ResolvedPairs.Count(p => p.Probability >= 0.9);
        var strictTp = result.ResolvedPairs.Count(p => p.Probability >= 0.9 && IsTrue(p));
        var (sp, sr, sf) = Metrics(strictTp, strictPredicted, truePairs);

        // Best F1 over all thresholds, with the answers known: for comparison with figures reported that way.
        var sorted = result.Pairs.OrderByDescending(p => p.Weight).ToArray();
        double bestF1 = 0, bestWeight = 0;
        long cumTp = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            cumTp += IsTrue(sorted[i]) ? 1 : 0;
            if (i + 1 < sorted.Length && sorted[i + 1].Weight == sorted[i].Weight)
            {
                continue;
            }

            var (_, _, f) = Metrics(cumTp, i + 1, truePairs);
            if (f > bestF1)
            {
                bestF1 = f;
                bestWeight = sorted[i].Weight;
            }
        }

        var supported = result.ResolvedPairs.Where(p => p.Probability >= likely).ToList();
        var supportedTp = supported.Count(p => truth[p.A] == truth[p.B]);
        var (tpP, tpR, tpF) = Metrics(supportedTp, supported.Count, truePairs);

        var byCluster = Enumerable.Range(0, clusters.Length).GroupBy(i => clusters[i]).ToArray();
        var clusterPredicted = CountPairs(byCluster, sources, isLink);
        var clusterTp = CountPairs(byCluster.SelectMany(c => c.GroupBy(i => truth[i])), sources, isLink);
        var (cp, cr, cf) = Metrics(clusterTp, clusterPredicted, truePairs);

        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine($"data: {string.Join(", ", inputs.Select(Path.GetFileName))} format={format} mode={(isLink ? "link" : "dedupe")} records={data.Records.Count} without-id={withoutId}");
        Console.WriteLine($"true pairs: {truePairs}; all pairs: {result.AllPairs:F0}");
        Console.WriteLine($"pairs scored (blocking candidates): {result.Pairs.Count}; true pairs among them: {candidatesTrue} (blocking recall {(double)candidatesTrue / Math.Max(1, truePairs):F4})");
        Console.WriteLine($"model: prior {result.Model.PriorProbability:E3} (expected matches {result.Model.PriorProbability * result.AllPairs:F0}), EM iterations {result.Model.EmIterations}");
        if (result.Model.Diagnostics is { } diag)
        {
            Console.WriteLine($"EM starts: {string.Join("; ", diag.Starts.Select(s => string.Create(inv, $"{s.Name} log-likelihood {s.LogLikelihood:F1}, {s.Iterations} iterations{(s.Converged ? ", converged" : ", not converged")}, prior {s.Prior:E2}{(s.Check is null ? string.Empty : $" [check: {s.Check}]")}")))}");
            Console.WriteLine($"chosen start: {diag.ChosenStart}; check: {(diag.Degenerate ? "DEGENERATE: " : string.Empty)}{diag.Check}");
        }

        if (verbose)
        {
            foreach (var lp in result.Model.Parameters)
            {
                Console.WriteLine(string.Create(inv, $"  {lp.Field,-12} {lp.Level,-26} m={lp.M:F5} u={lp.U:E2} w={lp.Weight,7:F2}"));
            }

            Console.WriteLine(string.Create(inv, $"  household prior {result.Model.HouseholdPriorProbability:E3}"));
        }

        Console.WriteLine(string.Create(inv, $"likely threshold (p >= {likely}), probabilities consistent across pairs (reported): pairs predicted {supported.Count}, TP {supportedTp}, precision {tpP:F4}, recall {tpR:F4}, F1 {tpF:F4} ({tpF:F6})"));
        Console.WriteLine(string.Create(inv, $"likely threshold (p >= {likely}), each pair on its own evidence: pairs predicted {predicted}, TP {tp}, precision {precision:F4}, recall {recall:F4}, F1 {f1:F4} ({f1:F6})"));
        Console.WriteLine(string.Create(inv, $"stricter threshold (p >= 0.9), consistent: pairs predicted {strictPredicted}, precision {sp:F4}, recall {sr:F4}, F1 {sf:F4}"));
        Console.WriteLine(string.Create(inv, $"clusters at likely threshold (connected components of pairs on their own evidence): pairs implied {clusterPredicted}, TP {clusterTp}, precision {cp:F4}, recall {cr:F4}, F1 {cf:F4}"));
        Console.WriteLine(string.Create(inv, $"best F1 over thresholds (answers known, pairs on their own evidence): {bestF1:F4} at match weight {bestWeight:F2} (likely threshold is weight {-result.Model.PriorLog2Odds + Math.Log2(likely / (1 - likely)):F2})"));
        Console.WriteLine(string.Create(inv, $"wall time: read {readTime.TotalMilliseconds:F0} ms, learn+match {matchTime.TotalMilliseconds:F0} ms, cluster {clusterTime.TotalMilliseconds:F0} ms, total {total.Elapsed.TotalMilliseconds:F0} ms; peak working set {peak:F0} MiB"));
        Console.WriteLine($"phases: {string.Join(", ", result.PhaseMilliseconds.Select(kv => string.Create(inv, $"{kv.Key} {kv.Value:F0} ms")))}");
        if (dump > 0)
        {
            Dump(data, result, truth, isLink, dump);
        }

        Console.WriteLine(string.Create(inv, $"F1={tpF:F4}"));
        return 0;
    }

    /// <summary>Diagnostics: true pairs that blocking missed, and scored true pairs below the likely threshold.</summary>
    private static void Dump(LabelledRecords data, MatchResult result, List<string> truth, bool isLink, int max)
    {
        var scored = new HashSet<(int, int)>(result.Pairs.Select(p => (p.A, p.B)));
        static string Show(MatchRecord r) => $"{r.Id} | {r.GivenNames} | {r.FamilyName} | {r.DateOfBirth} | {r.NhsNumber} | {r.AddressLine} | {r.Town} | {r.Postcode}";
        var shown = 0;
        foreach (var g in Enumerable.Range(0, truth.Count).GroupBy(i => truth[i]))
        {
            var m = g.ToArray();
            for (var x = 0; x < m.Length && shown < max; x++)
            {
                for (var y = x + 1; y < m.Length && shown < max; y++)
                {
                    if ((isLink && data.Records[m[x]].Source == data.Records[m[y]].Source) || scored.Contains((m[x], m[y])))
                    {
                        continue;
                    }

                    Console.WriteLine($"MISSED BY BLOCKING\n  {Show(data.Records[m[x]])}\n  {Show(data.Records[m[y]])}");
                    shown++;
                }
            }
        }

        foreach (var p in result.Pairs.Where(p => truth[p.A] == truth[p.B] && p.Probability < result.Model.LikelyThreshold).Take(max))
        {
            Console.WriteLine($"BELOW LIKELY w={p.Weight:F2} p={p.Probability:F3}\n  {Show(data.Records[p.A])}\n  {Show(data.Records[p.B])}\n  {string.Join("; ", result.Explain(p).Select(e => $"{e.Field}:{e.Level}:{e.Weight:F1}"))}");
        }

        var directLikely = result.Pairs.Where(p => p.Probability >= result.Model.LikelyThreshold).Select(p => (Math.Min(p.A, p.B), Math.Max(p.A, p.B))).ToHashSet();
        var consistent = result.ResolvedPairs.Where(p => p.Probability >= result.Model.LikelyThreshold).ToList();
        var consistentLikely = consistent.Select(p => (p.A, p.B)).ToHashSet();
        foreach (var p in consistent.Where(p => !directLikely.Contains((p.A, p.B))).Take(max))
        {
            Console.WriteLine($"{(truth[p.A] == truth[p.B] ? "TRUE" : "FALSE")} PAIR LIKELY ONLY WITH THE OTHERS p={p.Probability:F3} own weight {p.Weight:F2}\n  {Show(data.Records[p.A])}\n  {Show(data.Records[p.B])}");
        }

        foreach (var p in result.Pairs.Where(p => p.Probability >= result.Model.LikelyThreshold && !consistentLikely.Contains((Math.Min(p.A, p.B), Math.Max(p.A, p.B)))).Take(max))
        {
            Console.WriteLine($"{(truth[p.A] == truth[p.B] ? "TRUE" : "FALSE")} PAIR NO LONGER LIKELY WITH THE OTHERS own p={p.Probability:F3}\n  {Show(data.Records[p.A])}\n  {Show(data.Records[p.B])}");
        }

        foreach (var p in result.Pairs.Where(p => truth[p.A] != truth[p.B] && p.Probability >= result.Model.LikelyThreshold).Take(max))
        {
            Console.WriteLine($"FALSE LIKELY w={p.Weight:F2} p={p.Probability:F3}\n  {Show(data.Records[p.A])}\n  {Show(data.Records[p.B])}\n  {string.Join("; ", result.Explain(p).Select(e => $"{e.Field}:{e.Level}:{e.Weight:F1}"))}");
        }
    }

    private static (double P, double R, double F1) Metrics(long tp, long predicted, long truePairs)
    {
        var p = predicted == 0 ? 0 : (double)tp / predicted;
        var r = truePairs == 0 ? 0 : (double)tp / truePairs;
        return (p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
    }

    /// <summary>Pairs within groups; when linking, only pairs of records from different sources.</summary>
    private static long CountPairs(IEnumerable<IEnumerable<int>> groups, int[] sources, bool link)
    {
        long total = 0;
        foreach (var g in groups)
        {
            var members = g as int[] ?? g.ToArray();
            long n = members.Length;
            var all = n * (n - 1) / 2;
            if (link)
            {
                foreach (var s in members.GroupBy(i => sources[i]))
                {
                    long c = s.Count();
                    all -= c * (c - 1) / 2;
                }
            }

            total += all;
        }

        return total;
    }
}
