namespace OpenMash.Matching;

/// <summary>One EM start: where it began, the log-likelihood it reached and whether it converged.</summary>
public sealed record EmStart(string Name, double LogLikelihood, int Iterations, bool Converged, double Prior)
{
    /// <summary>The check's verdict on this start's model, when it was checked.</summary>
    public string? Check { get; init; }
}

/// <summary>How a model was learned and whether it passed the check against the data: several EM starts are run and
/// the one of highest likelihood is kept; the learned model is then checked (<see cref="Check"/>), and when it fails,
/// the next start is tried.</summary>
public sealed record LearningDiagnostics
{
    public IReadOnlyList<EmStart> Starts { get; init; } = [];

    /// <summary>The start whose model is used.</summary>
    public string ChosenStart { get; init; } = string.Empty;

    /// <summary>Matches the model expects among all pairs (prior x all pairs).</summary>
    public double ExpectedMatches { get; init; }

    /// <summary>Sum of the candidate pairs' match probabilities under the final model.</summary>
    public double ExpectedAmongCandidates { get; init; }

    /// <summary>Candidate pairs at or above the likely threshold under the final model.</summary>
    public long PairsAboveLikely { get; init; }

    /// <summary>Candidate pairs of clear agreement (same given name, family name and date of birth, or the same
    /// identifier), and how many of them the model scores likely.</summary>
    public long ClearAgreementPairs { get; init; }

    public long ClearAgreementLikely { get; init; }

    /// <summary>True when no start gave a model that passed the check; the model of highest likelihood is used and
    /// <see cref="Check"/> says why it failed.</summary>
    public bool Degenerate { get; init; }

    /// <summary>The check's verdict in words ("ok: ..." or what failed).</summary>
    public string Check { get; init; } = string.Empty;
}

/// <summary>Expectation-maximisation of m and the prior (u fixed from random pairs; household u learned) from several
/// starts, with a convergence test on the log-likelihood and a Dirichlet prior on m.</summary>
internal sealed class EmFit
{
    private readonly byte[][] _levels;
    private readonly long[] _counts;
    private readonly bool[] _inH;
    private readonly double[][] _u;
    private readonly double[][] _logU;
    private readonly double _allPairs;
    private readonly long _candidates;
    private readonly long _householdPairs;
    private readonly bool _stratified;
    private readonly int _records;
    private readonly long[] _withData;

    internal EmFit(Dictionary<ulong, long> patterns, double[][] u, double allPairs, int records, bool allowStratum = true)
    {
        _u = u;
        _logU = [.. u.Select(x => x.Select(v => Math.Log(v)).ToArray())];
        _allPairs = allPairs;
        _records = records;
        var entries = patterns.ToArray();
        _levels = new byte[entries.Length][];
        _counts = new long[entries.Length];
        _inH = new bool[entries.Length];
        var present = new long[Comparisons.Count];
        _withData = new long[u.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            _levels[i] = MatchModel.Unpack(entries[i].Key, u.Length);
            for (var k = 0; k < u.Length; k++)
            {
                _withData[k] += _levels[i][k] != Comparisons.Null ? entries[i].Value : 0;
            }

            _counts[i] = entries[i].Value;
            _candidates += entries[i].Value;
            _inH[i] = MatchModel.HouseholdApplies(_levels[i]);
            if (_inH[i])
            {
                _householdPairs += entries[i].Value;
                foreach (var k in MatchModel.StratumFields)
                {
                    present[k] += _levels[i][k] != Comparisons.Null ? entries[i].Value : 0;
                }
            }
        }

        // A two-class model with free u needs at least three independent fields to be identifiable; with fewer
        // (or too few household pairs) household pairs are scored like any other pair.
        var fieldsWithData = MatchModel.StratumFields.Count(k => present[k] >= _householdPairs / 2);
        _stratified = allowStratum && _householdPairs >= 50 && fieldsWithData >= 3;
        if (!_stratified)
        {
            Array.Clear(_inH);
        }
    }

    internal sealed class State(string name, double[][] m, double[][] uh, double lambda, double lambdaH)
    {
        public string Name { get; } = name;
        public double[][] M { get; } = m;
        public double[][] UH { get; } = uh;
        public double Lambda { get; set; } = lambda;
        public double LambdaH { get; set; } = lambdaH;
        public int Iterations { get; set; }
        public bool Converged { get; set; }
        public double LogLikelihood { get; set; } = double.NegativeInfinity;
    }

    /// <summary>True when household pairs have their own prior and u in this fit.</summary>
    internal bool Stratified => _stratified;

    private double DefaultLambda => Math.Min(0.5, 0.3 * _records / _allPairs);

    /// <summary>The starting points: the usual one (agreement likely for matches), a broad one (matches often
    /// disagree: heavily corrupted files), a sharp one, and one seeded from the pairs of clear agreement.</summary>
    internal List<State> Starts()
    {
        var starts = new List<State>
        {
            Shaped("default", 0.6, 0.1, DefaultLambda),
            Shaped("broad", 0.35, 0.35, Math.Min(0.5, DefaultLambda * 3)),
            Shaped("sharp", 0.9, 0.02, DefaultLambda / 3),
        };
        if (Seeded() is { } seeded)
        {
            starts.Add(seeded);
        }

        return starts;
    }

    private State Shaped(string name, double best, double different, double lambda)
    {
        var m = new double[_u.Length][];
        for (var k = 0; k < _u.Length; k++)
        {
            var n = _u[k].Length;
            m[k] = new double[n];
            for (var l = 0; l < n; l++)
            {
                m[k][l] = n == 2 ? (l == 0 ? best / (best + different) : different / (best + different))
                    : l == 0 ? best : l == n - 1 ? different : (1 - best - different) / Math.Max(1, n - 2);
            }
        }

        return new State(name, m, [.. _u.Select(x => (double[])x.Clone())], lambda, 0.5);
    }

    /// <summary>True for the pairs of clear agreement: same given name, family name and date of birth (rule A), or
    /// the same identifier (rule B).</summary>
    private static (bool A, bool B) Clear(byte[] lv)
    {
        var a = lv.Length > Comparisons.DateOfBirth && lv[Comparisons.GivenName] == Comparisons.Given.Exact
            && lv[Comparisons.FamilyName] == Comparisons.Family.Exact && lv[Comparisons.DateOfBirth] == Comparisons.Dob.Exact;
        var b = lv.Length > Comparisons.NhsNumber && lv[Comparisons.NhsNumber] == 0;
        return (a, b);
    }

    /// <summary>A start whose m is counted from the pairs of clear agreement, each comparison from pairs chosen by a
    /// rule that does not involve it (names and date of birth from the pairs sharing an identifier, the identifier
    /// from the pairs sharing names and date of birth), so that the seed does not decide in advance that matches
    /// agree on the fields that chose them. Null when there are too few such pairs.</summary>
    private State? Seeded()
    {
        var accA = _u.Select(x => new double[x.Length]).ToArray();
        var accB = _u.Select(x => new double[x.Length]).ToArray();
        double nA = 0, nB = 0, nEither = 0;
        for (var i = 0; i < _levels.Length; i++)
        {
            var (a, b) = Clear(_levels[i]);
            if (!a && !b)
            {
                continue;
            }

            nEither += _counts[i];
            nA += a ? _counts[i] : 0;
            nB += b ? _counts[i] : 0;
            for (var k = 0; k < _u.Length; k++)
            {
                var l = _levels[i][k];
                if (l == Comparisons.Null)
                {
                    continue;
                }

                if (a)
                {
                    accA[k][l] += _counts[i];
                }

                if (b)
                {
                    accB[k][l] += _counts[i];
                }
            }
        }

        if (nEither < 10)
        {
            return null;
        }

        var start = Shaped("clear agreement", 0.6, 0.1, Math.Clamp(nEither / _allPairs, 1e-12, 0.5));
        for (var k = 0; k < _u.Length; k++)
        {
            var byA = k == Comparisons.NhsNumber || (k != Comparisons.GivenName && k != Comparisons.FamilyName && k != Comparisons.DateOfBirth && nA >= nB);
            var acc = byA ? accA[k] : accB[k];
            var total = acc.Sum();
            var usable = byA ? nA >= 10 : nB >= 10;
            if (!usable || total < 10)
            {
                continue; // keep the default shape for this comparison
            }

            for (var l = 0; l < acc.Length; l++)
            {
                // Half the seed's counts, half the default shape: a seed of exact agreement must not forbid the rest.
                start.M[k][l] = (0.5 * (acc[l] + 0.5) / (total + (0.5 * acc.Length))) + (0.5 * start.M[k][l]);
            }
        }

        return start;
    }

    /// <summary>Runs EM from a state until the log-likelihood changes by less than a millionth of a nat per candidate
    /// pair over an iteration (and m by less than 1e-5), or until <paramref name="maxIterations"/>.</summary>
    internal void Run(State s, int maxIterations)
    {
        var m = s.M;
        var uh = s.UH;
        var acc = _u.Select(x => new double[x.Length]).ToArray();
        var accU = _u.Select(x => new double[x.Length]).ToArray();
        var logM = m.Select(x => new double[x.Length]).ToArray();
        var logUH = m.Select(x => new double[x.Length]).ToArray();
        var tolerance = 1e-6 * Math.Max(1, _candidates);
        for (var it = 0; it < maxIterations && !s.Converged; it++)
        {
            foreach (var a in acc.Concat(accU))
            {
                Array.Clear(a);
            }

            for (var k = 0; k < m.Length; k++)
            {
                for (var l = 0; l < m[k].Length; l++)
                {
                    logM[k][l] = Math.Log(m[k][l]);
                    logUH[k][l] = Math.Log(uh[k][l]);
                }
            }

            var logPrior = Math.Log(s.Lambda);
            var logNot = Math.Log(1 - s.Lambda);
            var logPriorH = Math.Log(s.LambdaH);
            var logNotH = Math.Log(1 - s.LambdaH);
            double expected = 0, expectedH = 0, ll = 0;
            for (var i = 0; i < _levels.Length; i++)
            {
                var lv = _levels[i];
                double sm, su;
                if (_inH[i])
                {
                    (sm, su) = (logPriorH, logNotH);
                    foreach (var k in MatchModel.StratumFields)
                    {
                        if (lv[k] != Comparisons.Null)
                        {
                            sm += logM[k][lv[k]];
                            su += logUH[k][lv[k]];
                        }
                    }
                }
                else
                {
                    (sm, su) = (logPrior, logNot);
                    for (var k = 0; k < lv.Length; k++)
                    {
                        if (lv[k] != Comparisons.Null)
                        {
                            sm += logM[k][lv[k]];
                            su += _logU[k][lv[k]];
                        }
                    }
                }

                var top = Math.Max(sm, su);
                var lse = top + Math.Log(Math.Exp(sm - top) + Math.Exp(su - top));
                var n = _counts[i];
                ll += n * lse;
                var p = Math.Exp(sm - lse);
                var w = p * n;
                if (_inH[i])
                {
                    expectedH += w;
                }
                else
                {
                    expected += w;
                }

                for (var k = 0; k < lv.Length; k++)
                {
                    if (lv[k] != Comparisons.Null)
                    {
                        acc[k][lv[k]] += w;
                        if (_inH[i])
                        {
                            accU[k][lv[k]] += (1 - p) * n;
                        }
                    }
                }
            }

            // Pairs blocking left out count as non-matches.
            ll += (_allPairs - _candidates) * logNot;
            var previous = s.LogLikelihood;
            s.LogLikelihood = ll;
            var before = m.Select(x => (double[])x.Clone()).ToArray();
            UpdateM(m, acc);
            MatchModel.FloorAtDifferent(m, _u);
            var change = m.SelectMany((x, k) => x.Select((v, l) => Math.Abs(v - before[k][l]))).Max();
            if (_stratified)
            {
                change = Math.Max(change, Update(uh, accU, 0.5));
                var nextH = Math.Clamp(expectedH / _householdPairs, 1e-6, 1 - 1e-6);
                change = Math.Max(change, Math.Abs(nextH - s.LambdaH));
                s.LambdaH = nextH;
            }

            s.Lambda = Math.Clamp((expected + expectedH) / _allPairs, 1e-12, 0.5);
            s.Iterations++;
            s.Converged = Math.Abs(ll - previous) < tolerance && change < 1e-5;
        }
    }

    /// <summary>The M-step for m with a Dirichlet prior worth one pair spread over the levels as non-matches are
    /// (pseudo-count u of each level): a level EM sees no match reach gets m of about u / expected matches, so one
    /// disagreement costs at most about log2(expected matches) bits, instead of m = 0 and an unbounded weight (the
    /// collapse where every match whose address changed was rejected).</summary>
    private void UpdateM(double[][] m, double[][] acc)
    {
        for (var k = 0; k < m.Length; k++)
        {
            var total = acc[k].Sum();
            if (total <= 0)
            {
                continue;
            }

            for (var l = 0; l < m[k].Length; l++)
            {
                m[k][l] = (acc[k][l] + _u[k][l] + 1e-3) / (total + 1 + (1e-3 * m[k].Length));
            }
        }
    }

    private static double Update(double[][] target, double[][] acc, double pseudoCount)
    {
        double change = 0;
        for (var k = 0; k < target.Length; k++)
        {
            var total = acc[k].Sum();
            if (total <= 0)
            {
                continue;
            }

            for (var l = 0; l < target[k].Length; l++)
            {
                var next = (acc[k][l] + pseudoCount) / (total + (pseudoCount * target[k].Length));
                change = Math.Max(change, Math.Abs(next - target[k][l]));
                target[k][l] = next;
            }
        }

        return change;
    }

    internal MatchModel ToModel(State s) => _stratified
        ? new MatchModel(s.M, _u, s.Lambda, _records, s.Iterations, s.UH, s.LambdaH)
        : new MatchModel(s.M, _u, s.Lambda, _records, s.Iterations);

    /// <summary>Every start run a few iterations; the two of highest likelihood then run to convergence, ordered by
    /// likelihood (best first). The others are returned too (not converged), after them.</summary>
    internal List<State> FitAll(int maxIterations)
    {
        var starts = Starts();
        foreach (var s in starts)
        {
            Run(s, Math.Min(25, maxIterations));
        }

        var ordered = starts.OrderByDescending(s => s.LogLikelihood).ToList();
        foreach (var s in ordered.Take(2))
        {
            Run(s, maxIterations - s.Iterations);
        }

        return [.. ordered.Take(2).OrderByDescending(s => s.LogLikelihood), .. ordered.Skip(2)];
    }

    /// <summary>Checks a final model (u as it will be used) against the candidate patterns: the model is degenerate
    /// when (a) the pairs it scores likely are far fewer or more than the matches it expects, (b) most pairs of clear
    /// agreement are not likely, or (c) for some comparison agreement weighs less than disagreement (the classes
    /// have swapped).</summary>
    internal LearningDiagnostics Check(MatchModel model, double likely)
    {
        double expected = 0;
        long above = 0, clear = 0, clearLikely = 0;
        var prior = model.PriorLog2Odds;
        for (var i = 0; i < _levels.Length; i++)
        {
            var p = MatchModel.Probability(prior, model.PatternWeight(_levels[i]));
            expected += p * _counts[i];
            var isLikely = p >= likely;
            above += isLikely ? _counts[i] : 0;
            var (a, b) = Clear(_levels[i]);
            if (a || b)
            {
                clear += _counts[i];
                clearLikely += isLikely ? _counts[i] : 0;
            }
        }

        var problems = new List<string>();
        var expectedAll = model.PriorProbability * _allPairs;
        var ratio = above / Math.Max(1, expectedAll);
        if (expectedAll >= 20 && (ratio < 0.6 || ratio > 1.6))
        {
            problems.Add($"{above} pairs likely against {expectedAll:F0} expected matches (ratio {ratio:F2})");
        }

        if (clear >= 20 && clearLikely < 0.8 * clear)
        {
            problems.Add($"only {clearLikely} of {clear} pairs of clear agreement likely");
        }

        for (var k = 0; k < model.M.Length; k++)
        {
            var last = model.M[k].Length - 1;
            if (_withData[k] < 0.01 * _candidates)
            {
                continue; // too few pairs with this field on both sides for EM to have learned anything of it
            }

            // The strongest agreement level, not necessarily the first: a file may never reach the first (an address
            // of postcodes only never has "line and postcode").
            if (last > 0 && model.W[k][..last].Max() <= model.W[k][last])
            {
                problems.Add($"{Comparisons.FieldNames[k]}: agreement weighs no more than disagreement");
            }

            // Inside the household stratum too: when the stratum's non-match class has taken the matches (a file
            // without real households, where nearly every pair sharing surname and address is one person, lets its
            // free u copy m), agreement there stops counting and the stratum's prior collapses.
            if (last > 0 && model.WH is not null && Array.IndexOf(MatchModel.StratumFields, k) >= 0
                && model.WH[k][..last].Max() <= model.WH[k][last] + 1)
            {
                problems.Add($"{Comparisons.FieldNames[k]} among pairs sharing surname and address: agreement weighs no more than disagreement");
            }
        }

        return new LearningDiagnostics
        {
            ExpectedMatches = expectedAll,
            ExpectedAmongCandidates = expected,
            PairsAboveLikely = above,
            ClearAgreementPairs = clear,
            ClearAgreementLikely = clearLikely,
            Degenerate = problems.Count > 0,
            Check = problems.Count > 0
                ? string.Join("; ", problems)
                : $"ok: {above} pairs likely, {expectedAll:F0} matches expected, {clearLikely} of {clear} pairs of clear agreement likely",
        };
    }
}
