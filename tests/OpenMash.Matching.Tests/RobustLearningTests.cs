using OpenMash.Matching.Synthetic;

namespace OpenMash.Matching.Tests;

public class RobustLearningTests
{
    private static readonly double[][] TrueM = [[0.85, 0.10, 0.05], [0.70, 0.20, 0.10], [0.90, 0.02, 0.08]];
    private static readonly double[][] TrueU = [[0.01, 0.04, 0.95], [0.002, 0.02, 0.978], [0.05, 0.15, 0.80]];

    private static Dictionary<ulong, long> ExpectedPatterns(double lambda, double allPairs)
    {
        var patterns = new Dictionary<ulong, long>();
        for (byte a = 0; a < 3; a++)
        {
            for (byte b = 0; b < 3; b++)
            {
                for (byte c = 0; c < 3; c++)
                {
                    var p = (lambda * TrueM[0][a] * TrueM[1][b] * TrueM[2][c]) + ((1 - lambda) * TrueU[0][a] * TrueU[1][b] * TrueU[2][c]);
                    patterns[MatchModel.Pack([a, b, c])] = (long)Math.Round(p * allPairs);
                }
            }
        }

        return patterns;
    }

    [Fact]
    public void Em_FromBadStarts_RecoversMAndPriorAndLikelihoodPicksTheOptimum()
    {
        const double lambda = 1e-3;
        const double allPairs = 1e9;
        var fit = new EmFit(ExpectedPatterns(lambda, allPairs), TrueU, allPairs, records: 50_000);

        // Bad starts: classes swapped (m shaped like u), a prior a thousand times too small, one far too large, flat m.
        var bad = new List<EmFit.State>
        {
            new("swapped", [.. TrueU.Select(x => (double[])x.Clone())], [.. TrueU.Select(x => (double[])x.Clone())], lambda, 0.5),
            new("tiny prior", [[0.4, 0.3, 0.3], [0.4, 0.3, 0.3], [0.4, 0.3, 0.3]], [.. TrueU.Select(x => (double[])x.Clone())], 1e-6, 0.5),
            new("huge prior", [[0.5, 0.25, 0.25], [0.5, 0.25, 0.25], [0.5, 0.25, 0.25]], [.. TrueU.Select(x => (double[])x.Clone())], 0.3, 0.5),
        };
        foreach (var s in bad)
        {
            fit.Run(s, 3000);
        }

        var all = bad.Concat(fit.FitAll(3000)).OrderByDescending(s => s.LogLikelihood).ToList();
        var best = all[0];
        Assert.True(best.Converged, $"{best.Name} did not converge in {best.Iterations} iterations");
        for (var k = 0; k < 3; k++)
        {
            for (var l = 0; l < 3; l++)
            {
                Assert.InRange(best.M[k][l], TrueM[k][l] - 0.01, TrueM[k][l] + 0.01);
            }
        }

        Assert.InRange(best.Lambda, lambda * 0.95, lambda * 1.05);

        // The starts that recovered the truth all beat any that stayed elsewhere.
        var model = fit.ToModel(best);
        Assert.False(fit.Check(model, 0.5).Degenerate, fit.Check(model, 0.5).Check);
    }

    [Fact]
    public void ModelCheck_OnAConstructedCollapse_Fires()
    {
        const double allPairs = 1e9;
        var fit = new EmFit(ExpectedPatterns(1e-3, allPairs), TrueU, allPairs, records: 50_000);

        // m copied from u: agreement weighs no more than disagreement (every weight 0).
        var collapsed = new MatchModel([.. TrueU.Select(x => (double[])x.Clone())], TrueU, 1e-3, 50_000, 1);
        var check = fit.Check(collapsed, 0.5);
        Assert.True(check.Degenerate);
        Assert.Contains("agreement weighs no more than disagreement", check.Check, StringComparison.Ordinal);

        // A prior far below what the scores imply: the likely pairs outnumber the matches expected.
        var tooFew = new MatchModel([.. TrueM.Select(x => (double[])x.Clone())], TrueU, 1e-6, 50_000, 1);
        var c2 = fit.Check(tooFew, 0.5);
        Assert.True(c2.Degenerate, c2.Check);
    }

    [Fact]
    public void Deduplicate_HeavySkewedDuplicationWithAnIdentifier_DoesNotCollapse()
    {
        // FEBRL-style: 60 % duplicates, up to 9 per original (Zipf), up to 4 corrupted fields, identifier present.
        // Before the check, the household stratum's non-match class took the matches (F1 0.69, recall 0.52).
        var file = SyntheticDuplicates.Deduplication(new DuplicateFileOptions
        {
            Records = 3_000,
            DuplicateShare = 0.6,
            MaxDuplicatesPerOriginal = 9,
            Distribution = DuplicateCounts.Skewed,
            MaxCorruptedFields = 4,
            Seed = 1,
        });
        var records = file.Select(r => r.ToMatchRecord()).ToList();
        var result = Matcher.Deduplicate(records);
        var d = result.Model.Diagnostics!;
        Assert.False(d.Degenerate, d.Check);
        Assert.True(F1(result.ResolvedPairs, file.Select(r => r.Entity).ToList(), result.Model.LikelyThreshold) >= 0.98,
            $"F1 {F1(result.ResolvedPairs, file.Select(r => r.Entity).ToList(), result.Model.LikelyThreshold):F4}; start {d.ChosenStart}; {d.Check}");
    }

    [Theory]
    [InlineData(0.05, 1, DuplicateCounts.Uniform, 1, false, 0.97)]
    [InlineData(0.6, 5, DuplicateCounts.Skewed, 2, true, 0.99)]
    [InlineData(0.6, 9, DuplicateCounts.Uniform, 4, false, 0.92)]
    public void Deduplicate_HardCellsOfTheGeneratorSweep_StayAboveAFloor(double share, int maxDups, DuplicateCounts counts, int corrupted, bool id, double floor)
    {
        var file = SyntheticDuplicates.Deduplication(new DuplicateFileOptions
        {
            Records = 3_000,
            DuplicateShare = share,
            MaxDuplicatesPerOriginal = maxDups,
            Distribution = counts,
            MaxCorruptedFields = corrupted,
            Identifier = id,
            Seed = 2,
        });
        var result = Matcher.Deduplicate([.. file.Select(r => r.ToMatchRecord(0, id))]);
        var f1 = F1(result.ResolvedPairs, [.. file.Select(r => r.Entity)], result.Model.LikelyThreshold);
        Assert.True(f1 >= floor, $"F1 {f1:F4} below {floor}; start {result.Model.Diagnostics!.ChosenStart}; {result.Model.Diagnostics.Check}");
    }

    [Fact]
    public void Link_OneToOne_KeepsALoneGoodCandidateAndNeverTwoMatchesInOneSource()
    {
        var (a, b) = SyntheticDuplicates.Linkage(new DuplicateFileOptions { Records = 2_000, MaxCorruptedFields = 4, AddressChangeShare = 0.2, Seed = 8 });
        var records = a.Select(r => r.ToMatchRecord(0)).Concat(b.Select(r => r.ToMatchRecord(1))).ToList();
        var truth = a.Concat(b).Select(r => r.Entity).ToList();
        var one = Matcher.Link(records);
        var independent = Matcher.Link(records, new MatchOptions { OneToOne = false });
        var likely = one.Model.LikelyThreshold;

        var f1One = F1(one.ResolvedPairs, truth, likely);
        var f1Independent = F1(independent.ResolvedPairs, truth, likely);
        Assert.True(f1One > f1Independent, $"one-to-one {f1One:F4}, independent {f1Independent:F4}");

        // Lone candidates below even odds on their own evidence, now likely.
        var own = one.Pairs.ToDictionary(p => (p.A, p.B), p => p.Probability);
        Assert.Contains(one.ResolvedPairs, p => p.Probability >= likely && own.GetValueOrDefault((p.A, p.B), 1) < likely && truth[p.A] == truth[p.B]);

        // At most one likely match per record in the other source.
        var perRecord = one.ResolvedPairs.Where(p => p.Probability >= likely).SelectMany(p => new[] { p.A, p.B }).GroupBy(x => x);
        Assert.All(perRecord, g => Assert.Single(g));
    }

    private static double F1(IReadOnlyList<ScoredPair> pairs, List<string> truth, double likely)
    {
        var predicted = pairs.Where(p => p.Probability >= likely).ToList();
        var tp = predicted.Count(p => truth[p.A] == truth[p.B]);
        long truePairs = 0;
        foreach (var g in truth.GroupBy(t => t))
        {
            long n = g.Count();
            truePairs += n * (n - 1) / 2;
        }

        return 2.0 * tp / (predicted.Count + truePairs);
    }
}
