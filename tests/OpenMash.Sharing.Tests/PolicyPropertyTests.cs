using CsCheck;

namespace OpenMash.Sharing.Tests;

public class PolicyPropertyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly HubId[] Hubs = [.. Enumerable.Range(1, 3).Select(i => new HubId(Id(0x100 + i)))];
    private static readonly AgencyId[] AgencyPool = [.. Enumerable.Range(1, 7).Select(i => new AgencyId(Id(0x200 + i)))];
    private static readonly AgreementId[] AgreementPool = [.. Enumerable.Range(1, 8).Select(i => new AgreementId(Id(0x300 + i)))];

    // Few types, categories and purposes, so that rules overlap often.
    private static readonly Gen<AgencyType> GenType = Gen.Int[0, 3].Select(i => (AgencyType)i);
    private static readonly Gen<DataCategory> GenCategory = Gen.Int[0, 1].Select(i => (DataCategory)i);
    private static readonly Gen<SharingPurpose> GenPurpose = Gen.Int[0, 1].Select(i => (SharingPurpose)i);
    private static readonly Gen<HubId> GenHub = Gen.Frequency((4, Gen.Const(Hubs[0])), (2, Gen.Const(Hubs[1])), (1, Gen.Const(Hubs[2])));

    // Instants on, just before and just after the hours agreements start and end on.
    private static readonly Gen<DateTimeOffset> GenInstant =
        Gen.Select(Gen.Int[-1, 7], Gen.Int[-1, 1], (hour, tick) => T0.AddHours(hour).AddTicks(tick));

    private static readonly Gen<Agency[]> GenAgencies =
        GenType.Array[AgencyPool.Length - 1, AgencyPool.Length - 1]
            .Select(types => types.Select((t, i) => new Agency(AgencyPool[i], t)).ToArray());

    // The last pool id is never registered, so it stands for an unknown or since-removed agency.
    private static readonly Gen<PartySelector> GenParty = Gen.Frequency(
        (2, Gen.Int[0, AgencyPool.Length - 1].Select(i => PartySelector.ForAgency(AgencyPool[i]))),
        (3, GenType.Select(PartySelector.ForType)));

    // Most agreements in one scenario share a topic (hubs, category, purpose), so that they overlap.
    private static readonly Gen<Func<SharingAgreement, SharingAgreement>> GenTopic =
        from sourceHub in GenHub
        from destinationHub in GenHub
        from category in GenCategory
        from purpose in GenPurpose
        select new Func<SharingAgreement, SharingAgreement>(a => a with
        {
            SourceHub = sourceHub,
            DestinationHub = destinationHub,
            Category = category,
            Purpose = purpose,
        });

    private static readonly Gen<SharingAgreement> GenAgreement =
        from id in Gen.Int[0, AgreementPool.Length - 1]
        from version in Gen.Int[1, 3]
        from deny in Gen.Int[0, 2]
        from source in GenParty
        from destination in GenParty
        from sameHub in Gen.Int[0, 3]
        from sourceHub in GenHub
        from destinationHub in GenHub
        from category in GenCategory
        from purpose in GenPurpose
        from content in Gen.Bool
        from start in Gen.Int[0, 5]
        from length in Gen.Int[-1, 3]
        select new SharingAgreement(
            AgreementPool[id],
            version,
            deny == 0 ? AgreementEffect.Deny : AgreementEffect.Allow,
            source,
            destination,
            sourceHub,
            sameHub > 0 ? sourceHub : destinationHub,
            category,
            purpose,
            content ? SharingMode.Content : SharingMode.Existence,
            T0.AddHours(start),
            length < 0 ? null : T0.AddHours(start + length));

    private static readonly Gen<AgencyId> GenAnyAgency = Gen.Frequency(
        (1, Gen.Const(AgencyPool[^1])),
        (12, Gen.Int[0, AgencyPool.Length - 2].Select(i => AgencyPool[i])));

    private static readonly Gen<SharingRequest> GenRandomRequest =
        from source in GenAnyAgency
        from destination in GenAnyAgency
        from sourceHub in GenHub
        from sameHub in Gen.Bool
        from destinationHub in GenHub
        from category in GenCategory
        from purpose in GenPurpose
        from at in GenInstant
        select new SharingRequest(source, sourceHub, destination, sameHub ? sourceHub : destinationHub, category, purpose, at);

    private static readonly Gen<(Agency[] Agencies, SharingAgreement[] Agreements, DateTimeOffset CompiledAt, SharingRequest[] Requests)> GenScenario =
        from agencies in GenAgencies
        from topic in GenTopic
        from agreements in Gen.Select(GenAgreement, Gen.Int[0, 3], (a, onTopic) => onTopic > 0 ? topic(a) : a)
            .Array[0, 14]
            .Select(a => a.DistinctBy(r => r.Rule).ToArray())
        from compiledAt in GenInstant
        from requests in GenRequest(agencies, agreements).Array[1, 40]
        select (agencies, agreements, compiledAt, requests);

    // Most requests aim at an agreement (same hubs, category and purpose, parties it names or of its types),
    // so that rules apply and overlap often enough to test how they combine.
    private static Gen<SharingRequest> GenRequest(Agency[] agencies, SharingAgreement[] agreements) =>
        agreements.Length == 0
            ? GenRandomRequest
            : Gen.Frequency(
                (1, GenRandomRequest),
                (4, from anchor in Gen.Int[0, agreements.Length - 1]
                    from random in GenRandomRequest
                    from source in GenPartyAgency(agencies, agreements[anchor].Source)
                    from destination in GenPartyAgency(agencies, agreements[anchor].Destination)
                    from inside in Gen.Int[0, 3]
                    from hours in Gen.Int[0, 2]
                    from tick in Gen.Int[-1, 1]
                    select random with
                    {
                        SourceAgency = source,
                        DestinationAgency = destination,
                        SourceHub = agreements[anchor].SourceHub,
                        DestinationHub = agreements[anchor].DestinationHub,
                        Category = agreements[anchor].Category,
                        Purpose = agreements[anchor].Purpose,
                        At = inside > 0 ? agreements[anchor].ValidFrom.AddHours(hours).AddTicks(tick) : random.At,
                    }));

    private static Gen<AgencyId> GenPartyAgency(Agency[] agencies, PartySelector party)
    {
        var matching = agencies.Where(a => party.Matches(a)).Select(a => a.Id).ToArray();
        return matching.Length == 0 ? GenAnyAgency : Gen.Frequency((1, GenAnyAgency), (4, Gen.OneOf(matching)));
    }

    [Fact]
    public void Decide_CompiledPolicyOnRandomScenarios_AnswersAsTheLinearReferenceDoes()
    {
        var seen = new System.Collections.Concurrent.ConcurrentDictionary<(SharingOutcome, DecisionReason, bool), int>();
        GenScenario.Sample(scenario =>
        {
            var inputs = new SharingPolicyInputs(7, scenario.Agencies, scenario.Agreements);
            var compiled = CompiledSharingPolicy.Compile(inputs, scenario.CompiledAt);
            foreach (var request in scenario.Requests)
            {
                var expected = ReferencePolicy.Decide(scenario.Agencies, scenario.Agreements, request);
                seen.AddOrUpdate((expected.Outcome, expected.Reason, compiled.Covers(request.At)), 1, (_, n) => n + 1);

                // Compiled at another instant: the request may fall outside the window and take the scan path.
                AssertSame(expected, compiled.Decide(request), compiled.Version);

                // Compiled for the request's own instant: always the table path.
                var exact = compiled.CompileFor(request.At);
                Assert.True(exact.Covers(request.At));
                AssertSame(expected, exact.Decide(request), compiled.Version);
            }
        }, iter: 3000);

        // The generators must reach every kind of decision, also on the scan path (the table path sees every
        // request through the exact compile), or the comparison above proves little.
        var kinds = new[]
        {
            (SharingOutcome.Content, DecisionReason.AllowedByAgreement),
            (SharingOutcome.ExistenceOnly, DecisionReason.AllowedByAgreement),
            (SharingOutcome.ExistenceOnly, DecisionReason.DeniedByAgreement),
            (SharingOutcome.Deny, DecisionReason.DeniedByAgreement),
            (SharingOutcome.Deny, DecisionReason.NoAgreement),
            (SharingOutcome.Deny, DecisionReason.UnknownAgency),
        };
        foreach (var (outcome, reason) in kinds)
        {
            var onScan = seen.GetValueOrDefault((outcome, reason, false));
            Assert.True(onScan + seen.GetValueOrDefault((outcome, reason, true)) >= 30, $"{outcome}/{reason} too rare");
            Assert.True(onScan >= 5, $"{outcome}/{reason} too rare on the scan path");
        }
    }

    [Fact]
    public void Compile_RandomScenarios_WindowIsExactlyTheSpanInWhichNoAgreementStartsOrStops()
    {
        GenScenario.Sample(scenario =>
        {
            var compiled = CompiledSharingPolicy.Compile(new SharingPolicyInputs(1, scenario.Agencies, scenario.Agreements), scenario.CompiledAt);
            var boundaries = scenario.Agreements
                .GroupBy(a => a.Id)
                .Select(g => g.MaxBy(a => a.Version)!)
                .SelectMany(a => a.ValidUntil is { } until ? new[] { a.ValidFrom, until } : [a.ValidFrom])
                .ToList();
            Assert.True(compiled.Covers(scenario.CompiledAt));
            Assert.Equal(boundaries.Where(b => b <= scenario.CompiledAt).Select(b => (DateTimeOffset?)b).Max(), compiled.WindowStart);
            Assert.Equal(boundaries.Where(b => b > scenario.CompiledAt).Select(b => (DateTimeOffset?)b).Min(), compiled.WindowEnd);
        }, iter: 500);
    }

    private static void AssertSame((SharingOutcome Outcome, DecisionReason Reason, RuleReference? Rule) expected, SharingDecision actual, PolicyVersion version)
    {
        Assert.Equal(expected, (actual.Outcome, actual.Reason, actual.DecidingRule));
        Assert.Equal(version, actual.PolicyVersion);
    }

    private static Guid Id(int n) => new($"00000000-0000-0000-0000-{n:x12}");
}
