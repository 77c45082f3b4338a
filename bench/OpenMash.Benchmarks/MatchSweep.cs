using System.Diagnostics;
using System.Globalization;
using OpenMash.Matching;
using OpenMash.Matching.Synthetic;

namespace OpenMash.Benchmarks;

/// <summary>match-sweep: generates FEBRL-style files over a grid of duplicate shares, counts, distributions, corrupted
/// fields, identifier presence and sizes, learns and matches each without labels, and prints F1 per cell: the test of
/// whether the learning holds up across shapes of file rather than on the few files the project has.</summary>
internal static class MatchSweep
{
    public static int Run(string[] args)
    {
        var large = args.Contains("--large");
        var quick = args.Contains("--quick");
        var seed = 1;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--seed")
            {
                seed = int.Parse(args[++i], CultureInfo.InvariantCulture);
            }
        }

        var cells = Cells(large, quick).ToList();
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine("| records | dup share | max dups | counts | corrupted fields | id | true pairs | expected matches | start | check | P | R | **F1** | F1 own | learn+match |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        var worst = 1.0;
        foreach (var o in cells)
        {
            var file = SyntheticDuplicates.Deduplication(o with { Seed = seed });
            var records = file.Select(r => r.ToMatchRecord(0, o.Identifier)).ToList();
            var truth = file.Select(r => r.Entity).ToList();
            var e = Evaluate(records, truth, link: false);
            worst = Math.Min(worst, e.F1);
            Console.WriteLine(string.Create(inv,
                $"| {records.Count:N0} | {o.DuplicateShare:P0} | {o.MaxDuplicatesPerOriginal} | {o.Distribution} | 1-{o.MaxCorruptedFields} | {(o.Identifier ? "yes" : "no")} | {e.TruePairs:N0} | {e.Expected:N0} | {e.Start} | {e.Check} | {e.P:F4} | {e.R:F4} | **{e.F1:F4}** | {e.OwnF1:F4} | {e.Ms / 1000:F2} s |"));
        }

        Console.WriteLine(string.Create(inv, $"worst F1={worst:F4}"));
        return 0;
    }

    private static IEnumerable<DuplicateFileOptions> Cells(bool large, bool quick)
    {
        var centre = new DuplicateFileOptions { Records = 5_000, DuplicateShare = 0.4, MaxDuplicatesPerOriginal = 5, Distribution = DuplicateCounts.Skewed, MaxCorruptedFields = 2 };
        foreach (var id in new[] { true, false })
        {
            var c = centre with { Identifier = id };
            yield return c;
            if (quick)
            {
                yield return c with { DuplicateShare = 0.6, MaxDuplicatesPerOriginal = 9, MaxCorruptedFields = 4 };
                continue;
            }

            foreach (var share in new[] { 0.05, 0.2, 0.6 })
            {
                yield return c with { DuplicateShare = share };
            }

            foreach (var max in new[] { 1, 3, 9 })
            {
                yield return c with { MaxDuplicatesPerOriginal = max };
            }

            yield return c with { Distribution = DuplicateCounts.Uniform };
            yield return c with { Distribution = DuplicateCounts.Poisson, MaxDuplicatesPerOriginal = 9 };
            foreach (var k in new[] { 1, 3, 4 })
            {
                yield return c with { MaxCorruptedFields = k };
            }

            yield return c with { Records = 1_000 };

            // The hard corners: heavy skewed or uniform duplication with many corrupted fields; light duplication.
            yield return c with { DuplicateShare = 0.6, MaxDuplicatesPerOriginal = 9, MaxCorruptedFields = 4 };
            yield return c with { DuplicateShare = 0.6, MaxDuplicatesPerOriginal = 9, Distribution = DuplicateCounts.Uniform, MaxCorruptedFields = 4 };
            yield return c with { DuplicateShare = 0.6, MaxDuplicatesPerOriginal = 5, MaxCorruptedFields = 4, AddressChangeShare = 0.3 };
            yield return c with { DuplicateShare = 0.05, MaxDuplicatesPerOriginal = 1, MaxCorruptedFields = 4 };
            yield return c with { Records = 1_000, DuplicateShare = 0.6, MaxDuplicatesPerOriginal = 9, MaxCorruptedFields = 4 };
            if (large)
            {
                yield return c with { Records = 50_000 };
                yield return c with { Records = 50_000, DuplicateShare = 0.6, MaxDuplicatesPerOriginal = 9, MaxCorruptedFields = 4 };
                yield return c with { Records = 50_000, DuplicateShare = 0.05, MaxDuplicatesPerOriginal = 1 };
            }
        }
    }

    internal sealed record Evaluation(long TruePairs, double Expected, string Start, string Check, double P, double R, double F1, double OwnF1, double Ms);

    /// <summary>Learns and matches, then scores the resolved pairs and the pairs on their own evidence at the likely
    /// threshold against the truth.</summary>
    internal static Evaluation Evaluate(List<MatchRecord> records, List<string> truth, bool link, MatchOptions? options = null)
    {
        var watch = Stopwatch.StartNew();
        var result = link ? Matcher.Link(records, options) : Matcher.Deduplicate(records, options);
        var ms = watch.Elapsed.TotalMilliseconds;
        long truePairs = 0;
        foreach (var g in Enumerable.Range(0, truth.Count).GroupBy(i => truth[i]))
        {
            var members = g.ToArray();
            long n = members.Length;
            truePairs += n * (n - 1) / 2;
            if (link)
            {
                foreach (var s in members.GroupBy(i => records[i].Source))
                {
                    long c = s.Count();
                    truePairs -= c * (c - 1) / 2;
                }
            }
        }

        var likely = result.Model.LikelyThreshold;
        var resolved = result.ResolvedPairs.Where(p => p.Probability >= likely).ToList();
        var tp = resolved.Count(p => truth[p.A] == truth[p.B]);
        var own = result.Pairs.Where(p => p.Probability >= likely).ToList();
        var ownTp = own.Count(p => truth[p.A] == truth[p.B]);
        static double F(long tp, long predicted, long truePairs) => tp == 0 ? 0 : 2.0 * tp / (predicted + truePairs);
        var diagnostics = result.Model.Diagnostics;
        return new Evaluation(truePairs, result.Model.PriorProbability * result.AllPairs, diagnostics?.ChosenStart ?? "-",
            diagnostics is null ? "-" : diagnostics.Degenerate ? "DEGENERATE" : "ok",
            resolved.Count == 0 ? 0 : (double)tp / resolved.Count, truePairs == 0 ? 0 : (double)tp / truePairs,
            F(tp, resolved.Count, truePairs), F(ownTp, own.Count, truePairs), ms);
    }
}
