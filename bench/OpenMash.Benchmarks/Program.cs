// Benchmark commands. Each verb prints its figures and ends with one machine-readable line.
// Verbs register themselves in Verbs below; see docs/benchmarks.md for how to run and read them.
namespace OpenMash.Benchmarks;

public static class Program
{
    private static readonly Dictionary<string, Func<string[], int>> Verbs = new(StringComparer.Ordinal)
    {
        ["match-eval"] = MatchEval.Run,
        ["match-bench"] = MatchBench.Run,
        ["match-generate"] = MatchGenerate.Run,
        ["match-sweep"] = MatchSweep.Run,
        ["people-search-bench"] = PeopleSearchBench.Run,
        ["policy-bench"] = PolicyBench.Run,
        ["queue-bench"] = QueueBench.Run,
    };

    public static int Main(string[] args)
    {
        if (args.Length == 0 || !Verbs.TryGetValue(args[0], out var verb))
        {
            Console.Error.WriteLine($"usage: OpenMash.Benchmarks <{string.Join('|', Verbs.Keys.Order(StringComparer.Ordinal))}> [options]");
            return 2;
        }

        return verb(args[1..]);
    }
}
