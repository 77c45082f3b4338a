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
/// and the prior is estimated over all pairs, not only the candidates (see <see cref="Matcher"/>).
/// Pairs whose family name and address both agree (a household: siblings, twins, or the same child recorded twice)
/// are scored in their own stratum, with their own prior and u probabilities for given name, date of birth, NHS number
/// and sex, learned in the same EM: among siblings a shared surname and address are not independent evidence, and a
/// shared date of birth (twins) is far more common than among random pairs.</summary>
public sealed class MatchModel
{
    internal static readonly int[] StratumFields = [Comparisons.GivenName, Comparisons.DateOfBirth, Comparisons.NhsNumber, Comparisons.Sex];

    internal readonly double[][] M;
    internal readonly double[][] U;
    internal readonly double[][] W;
    internal readonly double[][]? UH;
    internal readonly double[][]? WH;

    internal MatchModel(double[][] m, double[][] u, double priorProbability, int trainingRecords, int emIterations,
        double[][]? householdU = null, double householdPrior = 0)
    {
        M = m;
        U = u;
        W = Weights(m, u);
        if (householdU is not null)
        {
            UH = householdU;
            WH = Weights(m, householdU);
            HouseholdPriorProbability = householdPrior;
        }

        PriorProbability = priorProbability;
        TrainingRecords = trainingRecords;
        EmIterations = emIterations;
    }

    private static double[][] Weights(double[][] m, double[][] u) =>
        [.. m.Select((mk, k) => mk.Select((x, l) => Math.Log2(x / u[k][l])).ToArray())];

    /// <summary>Probability that a random pair of the training records is a match (estimated over all pairs).</summary>
    public double PriorProbability { get; }

    /// <summary>Share of matches among candidate pairs that agree on family name and address; 0 when not learned.</summary>
    public double HouseholdPriorProbability { get; }

    public int TrainingRecords { get; }
    public int EmIterations { get; }

    /// <summary>How the model was learned (EM starts, the one chosen) and the check of it against the data; null for
    /// a model built or loaded otherwise.</summary>
    public LearningDiagnostics? Diagnostics { get; init; }

    /// <summary>Posterior match probability at or above which a pair is a likely match: more probable than not. For
    /// calibrated probabilities the threshold that maximises F1 is F1/2, so about 0.5 when F1 is near 1.</summary>
    public double LikelyThreshold { get; init; } = 0.5;

    /// <summary>Posterior match probability at or above which a pair is worth a person's look.</summary>
    public double PossibleThreshold { get; init; } = 0.1;

    public IReadOnlyList<LevelParameters> Parameters =>
        [.. Enumerable.Range(0, M.Length).SelectMany(k => Enumerable.Range(0, M[k].Length)
            .Select(l => new LevelParameters(Comparisons.FieldNames[k], Comparisons.LevelNames[k][l], M[k][l], U[k][l])))];

    public double GetM(int comparison, int level) => M[comparison][level];
    public double GetU(int comparison, int level) => U[comparison][level];

    /// <summary>u among non-matching pairs that share family name and address, or NaN when not learned.</summary>
    public double GetHouseholdU(int comparison, int level) => UH is null ? double.NaN : UH[comparison][level];

    public MatchBand BandOf(double probability) =>
        probability >= LikelyThreshold ? MatchBand.Likely : probability >= PossibleThreshold ? MatchBand.Possible : MatchBand.None;

    public static double Probability(double log2PriorOdds, double weight) => 1.0 / (1.0 + Math.Pow(2, -(log2PriorOdds + weight)));

    public double PriorLog2Odds => Logit2(PriorProbability);

    private static double Logit2(double p) => Math.Log2(p / (1 - p));

    /// <summary>Bayes factor (log2) of being in the household stratum: its prior odds over the overall prior odds.</summary>
    internal double HouseholdWeight => UH is null ? 0 : Logit2(HouseholdPriorProbability) - PriorLog2Odds;

    internal bool InHousehold(ReadOnlySpan<byte> levels) => UH is not null && HouseholdApplies(levels);

    internal static bool HouseholdApplies(ReadOnlySpan<byte> levels) =>
        levels.Length == Comparisons.Count
        && levels[Comparisons.FamilyName] <= Comparisons.Family.OneEdit && levels[Comparisons.Address] <= Comparisons.AddressPostcode;

    /// <summary>Total match weight of a compared pair, with term-frequency adjustment on exact name agreement:
    /// agreeing on a rare name is stronger evidence than agreeing on a common one.</summary>
    internal double Weight(ReadOnlySpan<byte> levels, PreparedRecord a)
    {
        double w = 0;
        if (InHousehold(levels))
        {
            w = HouseholdWeight;
            foreach (var k in StratumFields)
            {
                var l = levels[k];
                if (l != Comparisons.Null)
                {
                    w += WH![k][l];
                }
            }

            return w;
        }

        for (var k = 0; k < levels.Length; k++)
        {
            var l = levels[k];
            if (l == Comparisons.Null)
            {
                continue;
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

    /// <summary>Total match weight of an agreement pattern without term-frequency adjustment.</summary>
    internal double PatternWeight(ReadOnlySpan<byte> levels)
    {
        if (InHousehold(levels))
        {
            var h = HouseholdWeight;
            foreach (var k in StratumFields)
            {
                if (levels[k] != Comparisons.Null)
                {
                    h += WH![k][levels[k]];
                }
            }

            return h;
        }

        double w = 0;
        for (var k = 0; k < levels.Length; k++)
        {
            if (levels[k] != Comparisons.Null)
            {
                w += W[k][levels[k]];
            }
        }

        return w;
    }

    private double TfWeight(int k, double tf) => Math.Log2(M[k][0] / Math.Max(tf, 1e-9));

    internal IReadOnlyList<FieldEvidence> Explain(ReadOnlySpan<byte> levels, PreparedRecord a)
    {
        var list = new List<FieldEvidence>(levels.Length + 1);
        var household = InHousehold(levels);
        Span<byte> one = stackalloc byte[levels.Length];
        for (var k = 0; k < levels.Length; k++)
        {
            if (levels[k] == Comparisons.Null)
            {
                var swapped = k == Comparisons.FamilyName && levels[Comparisons.GivenName] == Comparisons.Given.Swapped;
                list.Add(new FieldEvidence(Comparisons.FieldNames[k], swapped ? "CountedInGivenNameSwap" : "Missing", 0));
                continue;
            }

            double w;
            if (household)
            {
                w = Array.IndexOf(StratumFields, k) >= 0 ? WH![k][levels[k]] : 0;
            }
            else
            {
                one.Fill(Comparisons.Null);
                one[k] = levels[k];
                w = Weight(one, a);
            }

            list.Add(new FieldEvidence(Comparisons.FieldNames[k], Comparisons.LevelNames[k][levels[k]], w));
        }

        if (household)
        {
            list.Add(new FieldEvidence("Household", "FamilyNameAndAddressBothAgree", HouseholdWeight));
        }

        return list;
    }

    /// <summary>Expectation-maximisation of m and the prior with u fixed, from several starts (see <see cref="EmFit"/>);
    /// the start of highest likelihood is returned. Pairs outside the candidate set are taken as non-matches, so the
    /// prior is the expected number of matches among the candidates divided by all pairs. Household pairs (when there
    /// are enough) get their own prior and u, learned in the same iterations.</summary>
    internal static MatchModel Fit(Dictionary<ulong, long> patterns, double[][] u, double allPairs, int records, int maxIterations = 1000)
    {
        var fit = new EmFit(patterns, u, allPairs, records);
        var best = fit.FitAll(maxIterations)[0];
        return fit.ToModel(best);
    }

    /// <summary>Every level but the last ("different") means the values are more alike than different, so it may not
    /// count as stronger evidence against a match than "different" does: where EM leaves a rare level with almost no
    /// m (and so a weight far below that of "different"), m is raised to give it the weight of "different", and the
    /// comparison's m is renormalised.</summary>
    internal static void FloorAtDifferent(double[][] m, double[][] u)
    {
        for (var k = 0; k < m.Length; k++)
        {
            var last = m[k].Length - 1;
            var ratio = m[k][last] / u[k][last];
            var raised = false;
            for (var l = 0; l < last; l++)
            {
                if (m[k][l] < u[k][l] * ratio)
                {
                    m[k][l] = u[k][l] * ratio;
                    raised = true;
                }
            }

            if (raised)
            {
                var total = m[k].Sum();
                for (var l = 0; l <= last; l++)
                {
                    m[k][l] /= total;
                }
            }
        }
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
