namespace OpenMash.Matching;

/// <summary>How strongly a candidate is believed to be the same person.</summary>
public enum MatchBand
{
    None = 0,
    Possible = 1,
    Likely = 2,
}

/// <summary>One field's contribution to a score: its agreement level and the match weight (log2 Bayes factor) it adds.</summary>
public sealed record FieldEvidence(string Field, string Level, double Weight);

/// <summary>The learned m and u probability of one level of one comparison.</summary>
public sealed record LevelParameters(string Field, string Level, double M, double U)
{
    public double Weight => Math.Log2(M / U);
}

/// <summary>Fellegi-Sunter model: m and u probabilities for every comparison level and the prior probability that a
/// random pair of records is a match. u comes from random pairs, m from expectation-maximisation over candidate pairs,
/// and the prior is estimated over all pairs, not only the candidates (see <see cref="Matcher"/>).</summary>
public sealed class MatchModel
{
    internal readonly double[][] M;
    internal readonly double[][] U;
    internal readonly double[][] W;

    internal MatchModel(double[][] m, double[][] u, double priorProbability, int trainingRecords, int emIterations, double householdWeight = 0)
    {
        HouseholdWeight = householdWeight;
        M = m;
        U = u;
        W = new double[m.Length][];
        for (var k = 0; k < m.Length; k++)
        {
            W[k] = new double[m[k].Length];
            for (var l = 0; l < m[k].Length; l++)
            {
                W[k][l] = Math.Log2(m[k][l] / u[k][l]);
            }
        }

        PriorProbability = priorProbability;
        TrainingRecords = trainingRecords;
        EmIterations = emIterations;
    }

    /// <summary>Probability that a random pair of the training records is a match (estimated over all pairs).</summary>
    public double PriorProbability { get; }

    public int TrainingRecords { get; }

    /// <summary>Weight added when family name and address both agree. Siblings share both, so among non-matches
    /// the two agree together far more often than their separate u probabilities imply; this term, measured on
    /// random pairs, stops a household counting as two independent pieces of evidence.</summary>
    public double HouseholdWeight { get; }
    public int EmIterations { get; }

    /// <summary>Posterior match probability at or above which a pair is a likely match.</summary>
    public double LikelyThreshold { get; init; } = 0.9;

    /// <summary>Posterior match probability at or above which a pair is worth a person's look.</summary>
    public double PossibleThreshold { get; init; } = 0.1;

    public IReadOnlyList<LevelParameters> Parameters =>
        [.. Enumerable.Range(0, M.Length).SelectMany(k => Enumerable.Range(0, M[k].Length)
            .Select(l => new LevelParameters(Comparisons.FieldNames[k], Comparisons.LevelNames[k][l], M[k][l], U[k][l])))];

    public double GetM(int comparison, int level) => M[comparison][level];
    public double GetU(int comparison, int level) => U[comparison][level];

    public MatchBand BandOf(double probability) =>
        probability >= LikelyThreshold ? MatchBand.Likely : probability >= PossibleThreshold ? MatchBand.Possible : MatchBand.None;

    public static double Probability(double log2PriorOdds, double weight) => 1.0 / (1.0 + Math.Pow(2, -(log2PriorOdds + weight)));

    public double PriorLog2Odds => Math.Log2(PriorProbability / (1 - PriorProbability));

    /// <summary>Total match weight of a compared pair, with term-frequency adjustment on exact name agreement:
    /// agreeing on a rare name is stronger evidence than agreeing on a common one.</summary>
    internal double Weight(ReadOnlySpan<byte> levels, PreparedRecord a)
    {
        double w = 0;
        for (var k = 0; k < levels.Length; k++)
        {
            var l = levels[k];
            if (l == Comparisons.Null)
            {
                continue;
            }

            if (k == Comparisons.Address && HouseholdApplies(levels))
            {
                w += HouseholdWeight;
            }

            w += k switch
            {
                Comparisons.GivenName when l == Comparisons.Given.Exact && a.GivenTf > 0 => TfWeight(k, a.GivenTf),
                Comparisons.FamilyName when l == Comparisons.Family.Exact && a.FamilyTf > 0 => TfWeight(k, a.FamilyTf),
                _ => W[k][l],
            };
        }

        return w;
    }

    internal static bool HouseholdApplies(ReadOnlySpan<byte> levels) =>
        levels[Comparisons.FamilyName] <= Comparisons.Family.OneEdit && levels[Comparisons.Address] <= 3;

    private double TfWeight(int k, double tf) => Math.Log2(M[k][0] / Math.Max(tf, 1e-9));

    internal IReadOnlyList<FieldEvidence> Explain(ReadOnlySpan<byte> levels, PreparedRecord a)
    {
        var list = new List<FieldEvidence>(levels.Length);
        Span<byte> one = stackalloc byte[levels.Length];
        for (var k = 0; k < levels.Length; k++)
        {
            if (levels[k] == Comparisons.Null)
            {
                list.Add(new FieldEvidence(Comparisons.FieldNames[k], "Missing", 0));
                continue;
            }

            one.Fill(Comparisons.Null);
            one[k] = levels[k];
            list.Add(new FieldEvidence(Comparisons.FieldNames[k], Comparisons.LevelNames[k][levels[k]], Weight(one, a)));
        }

        if (levels.Length > Comparisons.Address && HouseholdApplies(levels) && HouseholdWeight != 0)
        {
            list.Add(new FieldEvidence("Household", "FamilyNameAndAddressBothAgree", HouseholdWeight));
        }

        return list;
    }

    /// <summary>Expectation-maximisation of m and the prior with u fixed. Pairs outside the candidate set are taken
    /// as non-matches, so the prior is the expected number of matches among the candidates divided by all pairs.</summary>
    internal static MatchModel Fit(Dictionary<ulong, long> patterns, double[][] u, double allPairs, int records, int maxIterations = 200, double householdWeight = 0)
    {
        var m = new double[u.Length][];
        for (var k = 0; k < u.Length; k++)
        {
            var n = u[k].Length;
            m[k] = new double[n];
            for (var l = 0; l < n; l++)
            {
                // Start from "agreement is likely for matches": most mass on the best level, a little on "different".
                m[k][l] = l == 0 ? 0.6 : l == n - 1 ? 0.1 : 0.3 / Math.Max(1, n - 2);
            }
        }

        var lambda = Math.Min(0.5, 0.3 * records / allPairs);
        var entries = patterns.ToArray();
        var levels = new byte[entries.Length][];
        for (var i = 0; i < entries.Length; i++)
        {
            levels[i] = Unpack(entries[i].Key, u.Length);
        }

        var iterations = 0;
        var acc = u.Select(x => new double[x.Length]).ToArray();
        for (; iterations < maxIterations; iterations++)
        {
            foreach (var a in acc)
            {
                Array.Clear(a);
            }

            var logM = m.Select(x => x.Select(v => Math.Log(v)).ToArray()).ToArray();
            var logU = u.Select(x => x.Select(v => Math.Log(v)).ToArray()).ToArray();
            var logPrior = Math.Log(lambda / (1 - lambda));
            var householdLog = householdWeight * Math.Log(2);
            double expectedMatches = 0;
            for (var i = 0; i < entries.Length; i++)
            {
                var lv = levels[i];
                var s = logPrior;
                if (lv.Length == Comparisons.Count && HouseholdApplies(lv))
                {
                    s += householdLog;
                }

                for (var k = 0; k < lv.Length; k++)
                {
                    if (lv[k] != Comparisons.Null)
                    {
                        s += logM[k][lv[k]] - logU[k][lv[k]];
                    }
                }

                var p = 1.0 / (1.0 + Math.Exp(-s));
                var w = p * entries[i].Value;
                expectedMatches += w;
                for (var k = 0; k < lv.Length; k++)
                {
                    if (lv[k] != Comparisons.Null)
                    {
                        acc[k][lv[k]] += w;
                    }
                }
            }

            double change = 0;
            for (var k = 0; k < m.Length; k++)
            {
                var total = acc[k].Sum();
                if (total <= 0)
                {
                    continue;
                }

                for (var l = 0; l < m[k].Length; l++)
                {
                    // A tiny pseudo-count keeps unseen levels from an infinite negative weight.
                    var next = (acc[k][l] + 1e-3) / (total + (1e-3 * m[k].Length));
                    change = Math.Max(change, Math.Abs(next - m[k][l]));
                    m[k][l] = next;
                }
            }

            var nextLambda = Math.Clamp(expectedMatches / allPairs, 1e-12, 0.5);
            change = Math.Max(change, Math.Abs(Math.Log(nextLambda / lambda)) * 1e-3);
            lambda = nextLambda;
            if (change < 1e-6)
            {
                iterations++;
                break;
            }
        }

        return new MatchModel(m, u, lambda, records, iterations, householdWeight);
    }

    internal static ulong Pack(ReadOnlySpan<byte> levels)
    {
        ulong key = 0;
        for (var k = 0; k < levels.Length; k++)
        {
            key |= (ulong)levels[k] << (4 * k);
        }

        return key;
    }

    internal static byte[] Unpack(ulong key, int count)
    {
        var levels = new byte[count];
        for (var k = 0; k < count; k++)
        {
            levels[k] = (byte)((key >> (4 * k)) & 0xF);
        }

        return levels;
    }
}
