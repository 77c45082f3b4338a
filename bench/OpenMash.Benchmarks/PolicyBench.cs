using System.Diagnostics;
using System.Globalization;
using OpenMash.Sharing;

namespace OpenMash.Benchmarks;

/// <summary>
/// policy-bench: single-thread decisions per second of the compiled sharing policy against a plain linear scan
/// of the same agreements, and the time to compile 1,000 agreements.
/// </summary>
public static class PolicyBench
{
    private const int AgreementCount = 1_000;
    private const int AgencyCount = 400;
    private const int RequestCount = 1 << 14;

    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly HubId Staffordshire = new(Guid.NewGuid());
    private static readonly HubId Stoke = new(Guid.NewGuid());

    public static int Run(string[] args)
    {
        var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 2.0;
        var random = new Random(20260302);
        var agencies = Agencies(random);
        var agreements = Agreements(random, agencies);
        var inputs = new SharingPolicyInputs(1, agencies, agreements);
        var requests = Requests(random, agencies, agreements);

        var policy = CompiledSharingPolicy.Compile(inputs, Now);
        var linear = new LinearPolicy(agencies, agreements);
        var mismatches = requests.Count(r => policy.Decide(r).Outcome != linear.Decide(r));
        if (mismatches > 0)
        {
            Console.Error.WriteLine($"compiled and linear disagree on {mismatches} of {requests.Length} requests");
            return 1;
        }

        var compiled = Measure(seconds, requests, r => policy.Decide(r).Outcome);
        var baseline = Measure(seconds / 2, requests, linear.Decide);
        var compileMs = CompileMilliseconds(inputs);
        var share = requests.Count(r => policy.Decide(r).Outcome != SharingOutcome.Deny) * 100.0 / requests.Length;

        Console.WriteLine($"agencies={AgencyCount} agreements={AgreementCount} hubs=2 requests={RequestCount} (allowed {share:F0}%)");
        Console.WriteLine($"compiled policy: {compiled:N0} decisions/s (one thread)");
        Console.WriteLine($"linear scan baseline: {baseline:N0} decisions/s (one thread)");
        Console.WriteLine($"speed-up: {compiled / baseline:F0}x");
        Console.WriteLine($"compile {AgreementCount} agreements: median {compileMs:F1} ms");
        Console.WriteLine($"decisions_per_second={compiled:F0}");
        return 0;
    }

    private static double Measure(double seconds, SharingRequest[] requests, Func<SharingRequest, SharingOutcome> decide)
    {
        var mask = requests.Length - 1;
        var sink = 0L;
        for (var i = 0; i < 200_000; i++)
            sink += (int)decide(requests[i & mask]);

        long done = 0;
        var watch = Stopwatch.StartNew();
        var budget = TimeSpan.FromSeconds(seconds);
        while (watch.Elapsed < budget)
        {
            for (var i = 0; i < 4096; i++)
                sink += (int)decide(requests[(int)((done + i) & mask)]);
            done += 4096;
        }

        watch.Stop();
        GC.KeepAlive(sink);
        return done / watch.Elapsed.TotalSeconds;
    }

    private static double CompileMilliseconds(SharingPolicyInputs inputs)
    {
        var times = new List<double>();
        for (var i = 0; i < 25; i++)
        {
            var watch = Stopwatch.StartNew();
            GC.KeepAlive(CompiledSharingPolicy.Compile(inputs, Now.AddMinutes(i)));
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times[times.Count / 2];
    }

    private static Agency[] Agencies(Random random)
    {
        var types = Enum.GetValues<AgencyType>();
        return [.. Enumerable.Range(0, AgencyCount).Select(i => new Agency(
            new AgencyId(Guid.NewGuid()),
            i < 300 ? AgencyType.Education : types[random.Next(types.Length)]))];
    }

    // Mostly type-level agreements within one hub, about a third naming a specific agency, a tenth across hubs,
    // a fifth of them denies, some with validity ending or starting around now.
    private static SharingAgreement[] Agreements(Random random, Agency[] agencies)
    {
        var types = Enum.GetValues<AgencyType>();
        var categories = Enum.GetValues<DataCategory>();
        var purposes = Enum.GetValues<SharingPurpose>();
        PartySelector Party() => random.Next(3) == 0
            ? PartySelector.ForAgency(agencies[random.Next(agencies.Length)].Id)
            : PartySelector.ForType(types[random.Next(types.Length)]);

        return [.. Enumerable.Range(0, AgreementCount).Select(_ =>
        {
            var sourceHub = random.Next(2) == 0 ? Staffordshire : Stoke;
            var destinationHub = random.Next(10) == 0 ? (sourceHub == Stoke ? Staffordshire : Stoke) : sourceHub;
            var from = Now.AddDays(random.Next(-400, 30));
            DateTimeOffset? until = random.Next(4) == 0 ? Now.AddDays(random.Next(-30, 400)) : null;
            if (until < from)
                until = from;
            return new SharingAgreement(
                new AgreementId(Guid.NewGuid()),
                1,
                random.Next(5) == 0 ? AgreementEffect.Deny : AgreementEffect.Allow,
                Party(),
                Party(),
                sourceHub,
                destinationHub,
                categories[random.Next(categories.Length)],
                purposes[random.Next(purposes.Length)],
                random.Next(2) == 0 ? SharingMode.Content : SharingMode.Existence,
                from,
                until);
        })];
    }

    // Half the requests are aimed at an agreement, so that the benchmark is not all default denies.
    private static SharingRequest[] Requests(Random random, Agency[] agencies, SharingAgreement[] agreements)
    {
        AgencyId Pick(PartySelector party)
        {
            if (party.Agency is { } id)
                return id;
            var ofType = agencies.Where(a => a.Type == party.Type).ToArray();
            return ofType.Length == 0 ? agencies[random.Next(agencies.Length)].Id : ofType[random.Next(ofType.Length)].Id;
        }

        return [.. Enumerable.Range(0, RequestCount).Select(i =>
        {
            var a = agreements[random.Next(agreements.Length)];
            return i % 2 == 0
                ? new SharingRequest(Pick(a.Source), a.SourceHub, Pick(a.Destination), a.DestinationHub, a.Category, a.Purpose, Now)
                : new SharingRequest(
                    agencies[random.Next(agencies.Length)].Id,
                    a.SourceHub,
                    agencies[random.Next(agencies.Length)].Id,
                    a.SourceHub,
                    a.Category,
                    a.Purpose,
                    Now);
        })];
    }

    /// <summary>The baseline: every rule checked on every request, as a first implementation would.</summary>
    private sealed class LinearPolicy(Agency[] agencies, SharingAgreement[] agreements)
    {
        private readonly Dictionary<AgencyId, Agency> byId = agencies.ToDictionary(a => a.Id);

        public SharingOutcome Decide(SharingRequest request)
        {
            if (!byId.TryGetValue(request.SourceAgency, out var source) || !byId.TryGetValue(request.DestinationAgency, out var destination))
                return SharingOutcome.Deny;

            var granted = SharingOutcome.Deny;
            var cap = SharingOutcome.Content;
            foreach (var rule in agreements)
            {
                if (rule.Category != request.Category || rule.Purpose != request.Purpose
                    || rule.SourceHub != request.SourceHub || rule.DestinationHub != request.DestinationHub
                    || !rule.Source.Matches(source) || !rule.Destination.Matches(destination) || !rule.IsInForceAt(request.At))
                    continue;
                var level = rule.Mode == SharingMode.Content ? SharingOutcome.Content : SharingOutcome.ExistenceOnly;
                if (rule.Effect == AgreementEffect.Allow)
                    granted = level > granted ? level : granted;
                else
                    cap = level - 1 < cap ? level - 1 : cap;
            }

            return granted < cap ? granted : cap;
        }
    }
}
