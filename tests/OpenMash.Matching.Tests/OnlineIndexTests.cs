using OpenMash.Matching.Synthetic;

namespace OpenMash.Matching.Tests;

public class OnlineIndexTests
{
    private static readonly Lazy<MatchModel> Model = new(() => Matcher.Train(ModelTests.Generate(2000, 21).Records));

    private static OnlineIndex BuildIndex(int persons, out SyntheticChildren gen)
    {
        gen = new SyntheticChildren(42);
        var g = gen;
        return OnlineIndex.Build(Model.Value, Enumerable.Range(0, persons).Select(i => g.Person(i).Record));
    }

    [Fact]
    public void FindCandidates_AnotherAgencysRecordOfAnIndexedChild_FindsTheChildWithAnExplanation()
    {
        using var index = BuildIndex(3000, out var gen);
        var child = gen.Person(1234).Record;
        var query = child with
        {
            Id = "contact-1",
            GivenNames = child.GivenNames!.ToUpperInvariant(),
            NhsNumber = null,
            DateOfBirth = child.DateOfBirth.Day <= 12 ? child.DateOfBirth with { Day = child.DateOfBirth.Month, Month = child.DateOfBirth.Day } : child.DateOfBirth,
        };

        var candidates = index.FindCandidates(query, 5);

        Assert.NotEmpty(candidates);
        Assert.Equal(child.Id, candidates[0].Id);
        Assert.Equal(MatchBand.Likely, candidates[0].Band);
        Assert.Equal(Comparisons.FieldNames, candidates[0].Evidence.Select(e => e.Field).Take(Comparisons.Count));
        Assert.Equal("Missing", candidates[0].Evidence.Single(e => e.Field == "NhsNumber").Level);
        Assert.Equal(candidates[0].Score, candidates[0].Evidence.Sum(e => e.Weight), 6);
    }

    [Fact]
    public void Compare_APairTheIndexFound_GivesTheSameProbabilityBandAndEvidence()
    {
        using var index = BuildIndex(3000, out var gen);
        var child = gen.Person(777).Record;
        var query = gen.Corrupt(child, "contact-2", 777);

        var found = index.FindCandidates(query, 5).Single(c => c.Id == child.Id);
        var compared = index.Compare(query, child);

        Assert.Equal(found.Probability, compared.Probability, 12);
        Assert.Equal(found.Band, compared.Band);
        Assert.Equal(found.Evidence, compared.Evidence);

        // The old way (the model's batch prior, no name frequencies) says something else for the same pair: that was
        // the list saying "Likely" while the review page said 18%.
        Assert.NotEqual(Matcher.Compare(Model.Value, query, child).Probability, compared.Probability, 6);
    }

    [Fact]
    public void FindCandidates_ChildWhoIsNotIndexed_GetsNoLikelyCandidate()
    {
        using var index = BuildIndex(3000, out var gen);
        var stranger = gen.Person(50_001).Record;
        Assert.DoesNotContain(index.FindCandidates(stranger, 5), c => c.Band == MatchBand.Likely);
    }

    [Fact]
    public void FindCandidates_ForAnIndexedRecord_DoesNotReturnTheRecordItself()
    {
        using var index = BuildIndex(500, out var gen);
        var self = gen.Person(10).Record;
        Assert.DoesNotContain(index.FindCandidates(self, 10), c => c.Id == self.Id);
    }

    [Fact]
    public void UpdateAndRemove_OfAnIndexedChild_KeepTheIndexInStep()
    {
        using var index = BuildIndex(1000, out var gen);
        var child = gen.Person(77).Record;
        var probe = child with { Id = "probe" };
        Assert.Contains(index.FindCandidates(probe), c => c.Id == child.Id && c.Band == MatchBand.Likely);

        index.Update(gen.Person(5_000_077).Record with { Id = child.Id });
        Assert.DoesNotContain(index.FindCandidates(probe), c => c.Id == child.Id && c.Band == MatchBand.Likely);
        Assert.Equal(1000, index.Count);

        index.Update(child);
        Assert.Contains(index.FindCandidates(probe), c => c.Id == child.Id && c.Band == MatchBand.Likely);

        Assert.True(index.Remove(child.Id));
        Assert.False(index.Remove(child.Id));
        Assert.DoesNotContain(index.FindCandidates(probe), c => c.Id == child.Id);
        Assert.Equal(999, index.Count);
    }

    [Fact]
    public async Task FindCandidates_DuringConcurrentWrites_DoNotCorruptTheIndex()
    {
        using var index = BuildIndex(2000, out var gen);
        var errors = 0;
        var stable = gen.Person(5).Record;
        var probe = stable with { Id = "probe" };
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 300; i++)
            {
                if (!index.FindCandidates(probe).Any(c => c.Id == stable.Id))
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })).ToList();
        var writer = Task.Run(() =>
        {
            for (var i = 0; i < 600; i++)
            {
                var id = 100_000 + (i % 50);
                if (i % 3 == 2)
                {
                    index.Remove($"P{id}");
                }
                else
                {
                    index.Update(gen.Person(id).Record);
                }
            }
        });

        await Task.WhenAll([.. readers, writer]);
        Assert.Equal(0, errors);
        Assert.InRange(index.Count, 2000, 2050);
        Assert.Contains(index.FindCandidates(probe), c => c.Id == stable.Id);
    }
}
