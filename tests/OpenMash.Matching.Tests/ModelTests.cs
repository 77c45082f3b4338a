using OpenMash.Matching.Synthetic;

namespace OpenMash.Matching.Tests;

public class ModelTests
{
    [Fact]
    public void Fit_OnExpectedPatternCounts_RecoversTheKnownMAndPrior()
    {
        double[][] m = [[0.85, 0.10, 0.05], [0.70, 0.20, 0.10], [0.90, 0.02, 0.08]];
        double[][] u = [[0.01, 0.04, 0.95], [0.002, 0.02, 0.978], [0.05, 0.15, 0.80]];
        const double lambda = 1e-3;
        const double allPairs = 1e9;
        var patterns = new Dictionary<ulong, long>();
        for (byte a = 0; a < 3; a++)
        {
            for (byte b = 0; b < 3; b++)
            {
                for (byte c = 0; c < 3; c++)
                {
                    var p = (lambda * m[0][a] * m[1][b] * m[2][c]) + ((1 - lambda) * u[0][a] * u[1][b] * u[2][c]);
                    patterns[MatchModel.Pack([a, b, c])] = (long)Math.Round(p * allPairs);
                }
            }
        }

        var model = MatchModel.Fit(patterns, u, allPairs, records: 50_000, maxIterations: 2000);

        for (var k = 0; k < 3; k++)
        {
            for (var l = 0; l < 3; l++)
            {
                Assert.InRange(model.GetM(k, l), m[k][l] - 0.01, m[k][l] + 0.01);
            }
        }

        Assert.InRange(model.PriorProbability, lambda * 0.95, lambda * 1.05);
    }

    [Fact]
    public void Train_OnGeneratedChildren_LearnsMCloseToTheTruePairsAndUCloseToChance()
    {
        var (records, truth) = Generate(persons: 1500, seed: 3);
        var result = Matcher.Deduplicate(records);

        // Empirical m: how often each level occurs among the pairs known to be the same child.
        var truePairs = Enumerable.Range(0, records.Count).GroupBy(i => truth[i])
            .SelectMany(g => g.SelectMany(x => g.Where(y => y > x).Select(y => (x, y)))).ToList();
        foreach (var (comparison, level) in new[] { (Comparisons.GivenName, 0), (Comparisons.DateOfBirth, 0), (Comparisons.NhsNumber, 0), (Comparisons.FamilyName, 0) })
        {
            var levels = truePairs.Select(p => Comparisons.Compare(records[p.x], records[p.y])[comparison]).Where(l => l != Comparisons.Null).ToList();
            var empirical = levels.Count(l => l == level) / (double)levels.Count;
            Assert.InRange(result.Model.GetM(comparison, level), empirical - 0.06, empirical + 0.06);
        }

        // Dates of birth spread over 19 years: chance agreement is about 1 in 7,000.
        Assert.InRange(result.Model.GetU(Comparisons.DateOfBirth, 0), 1.0 / 30_000, 1.0 / 2_000);
        var expectedMatches = result.Model.PriorProbability * result.AllPairs;
        Assert.InRange(expectedMatches, truePairs.Count * 0.8, truePairs.Count * 1.2);
    }

    [Fact]
    public void Deduplicate_GeneratedDuplicates_FindsThemWithHighPrecisionAndRecallAtTheLikelyThreshold()
    {
        var (records, truth) = Generate(persons: 2000, seed: 5);
        var result = Matcher.Deduplicate(records);
        var predicted = result.Pairs.Where(p => p.Probability >= result.Model.LikelyThreshold).ToList();
        var tp = predicted.Count(p => truth[p.A] == truth[p.B]);
        var truePairs = Enumerable.Range(0, records.Count).GroupBy(i => truth[i]).Sum(g => g.Count() * (g.Count() - 1) / 2);
        Assert.True(tp / (double)predicted.Count > 0.98, $"precision {tp}/{predicted.Count}");
        Assert.True(tp / (double)truePairs > 0.9, $"recall {tp}/{truePairs}");
    }

    [Fact]
    public void Score_TwinsSharingSurnameAddressAndBirthday_AreNotLikelyMatches()
    {
        var (records, truth) = Generate(persons: 4000, seed: 13);
        var result = Matcher.Deduplicate(records);
        var twins = result.Pairs.Where(p => truth[p.A] != truth[p.B]
            && records[p.A].DateOfBirth == records[p.B].DateOfBirth
            && records[p.A].FamilyName == records[p.B].FamilyName
            && records[p.A].AddressLine == records[p.B].AddressLine).ToList();

        Assert.True(twins.Count >= 5, $"only {twins.Count} twin pairs generated");
        Assert.True(result.Model.HouseholdPriorProbability > 0, "household stratum was not learned");
        var likely = twins.Count(p => p.Probability >= result.Model.LikelyThreshold);
        Assert.True(likely <= twins.Count / 20, $"{likely} of {twins.Count} twin pairs scored likely");
    }

    [Fact]
    public void Score_AgreementOnARareName_WeighsMoreThanOnACommonOne()
    {
        var records = new List<MatchRecord>();
        for (var i = 0; i < 400; i++)
        {
            records.Add(new MatchRecord($"c{i}") { GivenNames = "Oliver", FamilyName = $"Family{i % 50}", DateOfBirth = new PartialDate(2010 + (i % 7), 1 + (i % 12), 1 + (i % 28)) });
        }

        records.Add(new MatchRecord("rare1") { GivenNames = "Peregrine", FamilyName = "Family1" });
        records.Add(new MatchRecord("rare2") { GivenNames = "Peregrine", FamilyName = "Family2" });
        var result = Matcher.Deduplicate(records);
        var rare = result.Pairs.Single(p => result.IdOf(p.A) == "rare1" && result.IdOf(p.B) == "rare2");
        var common = result.Pairs.First(p => result.IdOf(p.A).StartsWith('c') && result.IdOf(p.B).StartsWith('c')
            && result.Explain(p).Single(e => e.Field == "GivenName").Level == "Exact");
        var rareWeight = result.Explain(rare).Single(e => e.Field == "GivenName").Weight;
        var commonWeight = result.Explain(common).Single(e => e.Field == "GivenName").Weight;
        Assert.True(rareWeight > commonWeight + 5, $"rare {rareWeight}, common {commonWeight}");
    }

    [Fact]
    public void Explain_EveryCandidate_GoesFieldByFieldAndTheWeightsAddUp()
    {
        var (records, _) = Generate(persons: 300, seed: 9);
        var result = Matcher.Deduplicate(records);
        var pair = result.Pairs.OrderByDescending(p => p.Weight).First();
        var evidence = result.Explain(pair);
        Assert.Equal(Comparisons.FieldNames, evidence.Select(e => e.Field).Take(Comparisons.Count));
        Assert.Equal(pair.Weight, evidence.Sum(e => e.Weight), 6);
    }

    [Fact]
    public void Load_ASavedModel_ScoresExactlyAsBefore()
    {
        var (records, _) = Generate(persons: 1500, seed: 17);
        var model = Matcher.Train(records);
        var loaded = MatchModelJson.Deserialize(MatchModelJson.Serialize(model));

        Assert.Equal(model.PriorProbability, loaded.PriorProbability);
        Assert.Equal(model.HouseholdPriorProbability, loaded.HouseholdPriorProbability);
        for (var i = 0; i < 200; i++)
        {
            var a = records[i];
            var b = records[i + 1];
            Assert.Equal(Matcher.Compare(model, a, b).Score, Matcher.Compare(loaded, a, b).Score);
        }

        Assert.Throws<InvalidDataException>(() => MatchModelJson.Deserialize("{\"Version\":99}"));
    }

    [Fact]
    public void Train_OnAFamilySample_LearnsNearlyTheSameMAsOnAllRecords()
    {
        var (records, _) = Generate(persons: 6000, seed: 19);
        var full = Matcher.Train(records);
        var sampled = Matcher.Train(records, new MatchOptions { MaxTrainingRecords = records.Count / 3 });
        foreach (var k in new[] { Comparisons.GivenName, Comparisons.DateOfBirth, Comparisons.NhsNumber })
        {
            Assert.InRange(sampled.GetM(k, 0), full.GetM(k, 0) - 0.05, full.GetM(k, 0) + 0.05);
        }
    }

    [Fact]
    public void Cluster_RecordsLinkedThroughAThird_JoinsThem()
    {
        var (records, _) = Generate(persons: 300, seed: 11);
        var result = Matcher.Deduplicate(records);
        var clusters = result.Cluster(result.Model.LikelyThreshold);
        foreach (var p in result.Pairs.Where(p => p.Probability >= result.Model.LikelyThreshold))
        {
            Assert.Equal(clusters[p.A], clusters[p.B]);
        }

        Assert.True(clusters.Distinct().Count() < records.Count);
    }

    internal static (List<MatchRecord> Records, List<string> Truth) Generate(int persons, int seed)
    {
        var gen = new SyntheticChildren(seed);
        var rng = new Random(seed);
        var records = new List<MatchRecord>();
        var truth = new List<string>();
        for (var p = 0; p < persons; p++)
        {
            var person = gen.Person(p).Record;
            records.Add(person with { Id = $"R{records.Count}" });
            truth.Add(person.Id);
            var copies = rng.NextDouble() < 0.4 ? 1 + rng.Next(2) : 0;
            for (var c = 0; c < copies; c++)
            {
                records.Add(gen.Corrupt(person, $"R{records.Count}", (p * 8L) + c));
                truth.Add(person.Id);
            }
        }

        return (records, truth);
    }
}

public class FloorAtDifferentTests
{
    [Fact]
    public void Fit_ARareSimilarLevel_NeverWeighsLessThanDifferent()
    {
        double[][] m = [[0.9, 1e-6, 0.1]];
        double[][] u = [[0.001, 0.01, 0.989]];
        MatchModel.FloorAtDifferent(m, u);
        var wDifferent = Math.Log2(m[0][2] / u[0][2]);
        Assert.True(Math.Log2(m[0][1] / u[0][1]) >= wDifferent - 1e-9);
        Assert.Equal(1.0, m[0].Sum(), 9);
        Assert.True(m[0][0] / u[0][0] > m[0][2] / u[0][2]);
    }
}

public class UDecontaminationTests
{
    private static ulong Pattern(byte level)
    {
        Span<byte> levels = stackalloc byte[Comparisons.Count];
        levels.Fill(Comparisons.Null);
        levels[Comparisons.DateOfBirth] = level;
        levels[Comparisons.Address] = level == 0 ? (byte)0 : (byte)(Comparisons.LevelNames[Comparisons.Address].Count - 1);
        return MatchModel.Pack(levels);
    }

    [Fact]
    public void UFromPatterns_RandomPairsThatAreNearCertainMatches_DoNotCountTowardsU()
    {
        // 1,000 random pairs of which 10 are matches (date and address agree) and 990 are not (both different).
        var patterns = new Dictionary<ulong, long> { [Pattern(0)] = 10, [Pattern(Comparisons.Dob.Else)] = 990 };
        var plain = Matcher.UFromPatterns(patterns, null);
        var m = Comparisons.LevelNames.Select(l => l.Select((_, i) => i == 0 ? 0.9 : 0.1 / (l.Count - 1)).ToArray()).ToArray();
        var model = new MatchModel(m, plain, priorProbability: 0.01, trainingRecords: 100, emIterations: 1);
        var corrected = Matcher.UFromPatterns(patterns, model);

        Assert.InRange(plain[Comparisons.DateOfBirth][0], 0.009, 0.011);
        Assert.True(corrected[Comparisons.DateOfBirth][0] < 0.001, $"u {corrected[Comparisons.DateOfBirth][0]}");
        Assert.Equal(1.0, corrected[Comparisons.DateOfBirth].Sum(), 9);
    }

    [Fact]
    public void Deduplicate_SmallFileWithManyDuplicates_DecontaminationLowersUOfExactBirthDate()
    {
        var (records, truth) = ModelTests.Generate(persons: 400, seed: 23);
        var plain = Matcher.Deduplicate(records, new MatchOptions { DecontaminateU = false });
        var corrected = Matcher.Deduplicate(records);

        // Matches are about 1 in 300 of all pairs here: enough to dominate chance agreement on the full date.
        Assert.True(corrected.Model.GetU(Comparisons.DateOfBirth, 0) < plain.Model.GetU(Comparisons.DateOfBirth, 0) * 0.7,
            $"u {corrected.Model.GetU(Comparisons.DateOfBirth, 0)} against {plain.Model.GetU(Comparisons.DateOfBirth, 0)}");
        // The correction keeps the prior EM learned (the start chosen may differ: the check judges the final model).
        // The candidate pairs come out of a parallel loop in no fixed order, so sums may differ in the last bits.
        var d = corrected.Model.Diagnostics!;
        var chosen = d.Starts.First(s => s.Name == d.ChosenStart).Prior;
        Assert.Equal(chosen, corrected.Model.PriorProbability, chosen * 1e-9);
        var recall = (IReadOnlyList<ScoredPair> pairs, double t) => pairs.Count(p => p.Probability >= t && truth[p.A] == truth[p.B]);
        Assert.True(recall(corrected.Pairs, 0.5) >= recall(plain.Pairs, 0.5));
    }
}

public class ConsistentPairsTests
{
    private static double[,] Odds(int n, params (int A, int B, double Odds)[] pairs)
    {
        var l = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                l[i, j] = Math.Log(1e-6);
            }
        }

        foreach (var (a, b, o) in pairs)
        {
            l[a, b] = l[b, a] = o == 0 ? double.NegativeInfinity : Math.Log(o);
        }

        return l;
    }

    [Fact]
    public void Marginals_DoubtfulPairWhoseRecordsSurelyMatchAThird_IsLikely()
    {
        // a-b doubtful on its own (odds 0.5, p = 0.33); a-c and b-c each odds 1000.
        var together = Partitions.Marginals(Odds(3, (0, 1, 0.5), (0, 2, 1000), (1, 2, 1000)), 3);
        var expected = ((0.5 * 1000 * 1000) + 0.5) / ((0.5 * 1000 * 1000) + 0.5 + 1000 + 1000 + 1);
        Assert.Equal(expected, together[0, 1], 9);
        Assert.True(together[0, 1] > 0.99);
    }

    [Fact]
    public void Marginals_LinkJustAboveEvenOddsThatDisagreesWithTheRecordsItWouldJoin_IsNotLikely()
    {
        // a and c are surely one person; b looks like c at odds 1.4 (p = 0.58) but like a only at odds 0.6.
        var together = Partitions.Marginals(Odds(3, (0, 2, 1000), (1, 2, 1.4), (0, 1, 0.6)), 3);
        Assert.True(together[1, 2] < 0.5, $"p(b, c) = {together[1, 2]}");
        Assert.True(together[0, 2] > 0.99);
    }

    [Fact]
    public void Marginals_ForbiddenAndLonePairs_AreNeverTogetherAndTheirOwnProbability()
    {
        var together = Partitions.Marginals(Odds(3, (0, 1, 0), (0, 2, 50), (1, 2, 50)), 3);
        Assert.Equal(0, together[0, 1]);
        var lone = Partitions.Marginals(Odds(2, (0, 1, 3)), 2);
        Assert.Equal(0.75, lone[0, 1], 9);
    }

    [Fact]
    public void Deduplicate_ResolvedPairs_AreAtLeastAsAccurateAsPairsOnTheirOwnEvidence()
    {
        var (records, truth) = ModelTests.Generate(persons: 2000, seed: 5);
        var result = Matcher.Deduplicate(records);
        var t = result.Model.LikelyThreshold;
        static double F1(IEnumerable<ScoredPair> likely, List<string> truth, int truePairs)
        {
            var list = likely.ToList();
            var tp = list.Count(p => truth[p.A] == truth[p.B]);
            return 2.0 * tp / (list.Count + truePairs);
        }

        var truePairs = Enumerable.Range(0, records.Count).GroupBy(i => truth[i]).Sum(g => g.Count() * (g.Count() - 1) / 2);
        var own = F1(result.Pairs.Where(p => p.Probability >= t), truth, truePairs);
        var resolved = F1(result.ResolvedPairs.Where(p => p.Probability >= t), truth, truePairs);
        Assert.True(result.ResolvedPairs.Count > 0);
        Assert.True(resolved >= own, $"resolved F1 {resolved}, own {own}");
        Assert.All(result.ResolvedPairs, p => Assert.True(p.A < p.B && p.Probability >= result.Model.PossibleThreshold));
    }

    [Fact]
    public void Marginals_GroupTooLargeToWeigh_KeepsThePairsOwnProbabilities()
    {
        // Twelve copies of one child among 300 others: a group of 12 (more than 8) at every floor up to 0.99.
        var (records, _) = ModelTests.Generate(persons: 300, seed: 31);
        var child = records[0];
        var all = records.Concat(Enumerable.Range(0, 11).Select(i => child with { Id = $"copy{i}" })).ToList();
        var result = Matcher.Deduplicate(all);
        var copies = new HashSet<int>(Enumerable.Range(0, all.Count).Where(i => all[i].Id.StartsWith("copy", StringComparison.Ordinal) || i == 0));
        var own = result.Pairs.Where(p => copies.Contains(p.A) && copies.Contains(p.B) && p.Probability >= result.Model.PossibleThreshold).ToList();
        var resolved = result.ResolvedPairs.Where(p => copies.Contains(p.A) && copies.Contains(p.B)).ToList();
        Assert.Equal(66, own.Count);
        Assert.Equal(own.Select(p => (p.A, p.B, p.Probability)).Order(), resolved.Select(p => (p.A, p.B, p.Probability)).Order());
    }

    [Fact]
    public void Link_TwoRecordsOfOneSource_AreNeverReportedAsTheSamePerson()
    {
        var (records, _) = ModelTests.Generate(persons: 600, seed: 29);
        var sourced = records.Select((r, i) => r with { Source = i % 2 }).ToList();
        var result = Matcher.Link(sourced);
        Assert.NotEmpty(result.ResolvedPairs);
        Assert.All(result.ResolvedPairs, p => Assert.NotEqual(sourced[p.A].Source, sourced[p.B].Source));
    }
}
