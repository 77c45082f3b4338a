using System.Diagnostics;
using System.Globalization;
using OpenMash.Matching;
using OpenMash.Matching.Synthetic;

namespace OpenMash.Benchmarks;

/// <summary>match-bench: builds the online index over N synthetic persons and measures FindCandidates latency.</summary>
internal static class MatchBench
{
    public static int Run(string[] args)
    {
        long persons = 1_000_000;
        var queries = 10_000;
        var seed = 1;
        var maxBlock = 500;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--persons": persons = long.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--queries": queries = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--max-block": maxBlock = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine($"unknown option {args[i]}");
                    return 2;
            }
        }

        var inv = CultureInfo.InvariantCulture;
        var gen = new SyntheticChildren(seed);

        // The model is learned without labels from a sample with duplicates, as a hub's own records would have.
        var trainWatch = Stopwatch.StartNew();
        var sample = new List<MatchRecord>();
        var rng = new Random(seed);
        for (var i = 0; sample.Count < 20_000; i++)
        {
            var p = gen.Person(rng.NextInt64(persons)).Record;
            sample.Add(p with { Id = $"T{sample.Count}" });
            if (rng.NextDouble() < 0.3)
            {
                sample.Add(gen.Corrupt(p, $"T{sample.Count}", 5_000_000_000L + i));
            }
        }

        var model = Matcher.Train(sample);
        trainWatch.Stop();
        sample = null;

        var genWatch = Stopwatch.StartNew();
        long checksum = 0;
        for (long i = 0; i < persons; i++)
        {
            checksum += gen.Person(i).Record.Id.Length;
        }

        genWatch.Stop();

        GC.Collect();
        var before = GC.GetTotalMemory(true);
        var buildWatch = Stopwatch.StartNew();
        using var index = new OnlineIndex(model) { MaxBlockSize = maxBlock };
        index.AddRange(Stream(gen, persons), (int)persons);
        buildWatch.Stop();
        var after = GC.GetTotalMemory(true);

        // Queries: 80% about indexed persons (as another agency would record them), 20% about persons not indexed.
        var qs = new (MatchRecord Q, string? Truth)[queries];
        var qr = new Random(seed + 1);
        for (var i = 0; i < queries; i++)
        {
            var known = qr.NextDouble() < 0.8;
            var id = known ? qr.NextInt64(persons) : persons + qr.NextInt64(persons);
            var p = gen.Person(id).Record;
            qs[i] = (gen.Corrupt(p, $"Q{i}", 7_000_000_000L + i), known ? p.Id : null);
        }

        for (var i = 0; i < Math.Min(500, queries); i++)
        {
            _ = index.FindCandidates(qs[i].Q, 10);
        }

        var times = new double[queries];
        int knownCount = 0, knownTopLikely = 0, knownFound = 0, unknownCount = 0, unknownLikely = 0, knownWrongLikely = 0;
        var sw = new Stopwatch();
        for (var i = 0; i < queries; i++)
        {
            sw.Restart();
            var c = index.FindCandidates(qs[i].Q, 10);
            sw.Stop();
            times[i] = sw.Elapsed.TotalMilliseconds;
            if (qs[i].Truth is { } t)
            {
                knownCount++;
                knownFound += c.Any(x => x.Id == t) ? 1 : 0;
                knownTopLikely += c.Count > 0 && c[0].Id == t && c[0].Band == MatchBand.Likely ? 1 : 0;
                knownWrongLikely += c.Any(x => x.Id != t && x.Band == MatchBand.Likely) ? 1 : 0;
            }
            else
            {
                unknownCount++;
                unknownLikely += c.Any(x => x.Band == MatchBand.Likely) ? 1 : 0;
            }
        }

        Array.Sort(times);
        double P(double q) => times[Math.Min(times.Length - 1, (int)Math.Ceiling(q * times.Length) - 1)];
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024 * 1024);
        Console.WriteLine(string.Create(inv, $"persons indexed: {index.Count:N0} (checksum {checksum})"));
        Console.WriteLine(string.Create(inv, $"model trained on 20,000 sample records in {trainWatch.Elapsed.TotalSeconds:F1} s (EM iterations {model.EmIterations})"));
        Console.WriteLine(string.Create(inv, $"index build: {buildWatch.Elapsed.TotalSeconds:F1} s including generating the persons; generating alone: {genWatch.Elapsed.TotalSeconds:F1} s"));
        Console.WriteLine(string.Create(inv, $"memory: managed heap grew by {(after - before) / (1024.0 * 1024 * 1024):F2} GiB for the index; peak working set {peak:F2} GiB"));
        Console.WriteLine(string.Create(inv, $"distinct blocking keys: {index.KeyStatistics.Keys:N0} in a table of {index.KeyStatistics.Capacity:N0} slots"));
        Console.WriteLine(string.Create(inv, $"blocks larger than {maxBlock} persons are not read"));
        Console.WriteLine(string.Create(inv, $"FindCandidates over {queries} queries (single thread): p50 {P(0.5):F3} ms, p99 {P(0.99):F3} ms, max {times[^1]:F3} ms"));
        Console.WriteLine(string.Create(inv, $"known persons: {knownCount}, true person among candidates {(double)knownFound / Math.Max(1, knownCount):P2}, top candidate and likely {(double)knownTopLikely / Math.Max(1, knownCount):P2}, another person likely {(double)knownWrongLikely / Math.Max(1, knownCount):P2}"));
        Console.WriteLine(string.Create(inv, $"unknown persons: {unknownCount}, with a likely candidate (false match) {(double)unknownLikely / Math.Max(1, unknownCount):P2}"));
        Console.WriteLine(string.Create(inv, $"P99MS={P(0.99):F3}"));
        return 0;
    }

    private static IEnumerable<MatchRecord> Stream(SyntheticChildren gen, long persons)
    {
        for (long i = 0; i < persons; i++)
        {
            yield return gen.Person(i).Record;
        }
    }
}
