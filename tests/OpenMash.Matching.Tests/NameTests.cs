using OpenMash.Matching.Synthetic;

namespace OpenMash.Matching.Tests;

public class NameTests
{
    [Theory]
    [InlineData("Sir John Henry Smith, 2nd Baronet", "john henry smith")]
    [InlineData("Smith, John", "john smith")]
    [InlineData("Dr. J. A. Smith Jr", "j a smith")]
    [InlineData("Rev William Brookgate III", "william brookgate")]
    [InlineData("Lord Edward Fairley 3rd earl of Ashby", "edward fairley")]
    public void WholeName_WithTitlesSuffixesOrSurnameFirst_IsSplitIntoGivenAndFamily(string full, string words) =>
        Assert.Equal(words, string.Join(' ', PersonName.Words(full)));

    [Fact]
    public void WholeName_WhenFieldsAreMissing_FillsThemAndKeepsMiddleNamesAsGiven()
    {
        var a = new MatchRecord("a") { FullName = "Captain Humphrey Gilbert Larkholme", DateOfBirth = new PartialDate(1790, 4, 2) };
        var b = new MatchRecord("b") { GivenNames = "Gilbert", FamilyName = "Larkholme", DateOfBirth = new PartialDate(1790, 4, 2) };
        var levels = Comparisons.Compare(a, b);
        Assert.Equal(Comparisons.Family.Exact, levels[Comparisons.FamilyName]);
        Assert.Equal(Comparisons.Given.Other, levels[Comparisons.GivenName]);
    }

    [Theory]
    [InlineData("Margaret", "Peggy")]
    [InlineData("Matilda", "Maud")]
    [InlineData("Walter", "Wat")]
    [InlineData("Elizabeth", "Betsy")]
    public void Nicknames_OfOlderForms_AreKnown(string formal, string nickname)
    {
        var levels = Comparisons.Compare(new MatchRecord("a") { GivenNames = formal }, new MatchRecord("b") { GivenNames = nickname });
        Assert.Equal(Comparisons.Given.Nickname, levels[Comparisons.GivenName]);
    }

    [Fact]
    public void BirthPlace_WhenPresent_IsComparedOnItsOwn()
    {
        var levels = Comparisons.Compare(new MatchRecord("a") { BirthPlace = "Ashbury" }, new MatchRecord("b") { BirthPlace = "ashbury" });
        Assert.Equal(0, levels[Comparisons.BirthPlace]);
        Assert.Equal(Comparisons.Null, levels[Comparisons.Address]);
    }

    [Fact]
    public void Deduplicate_HistoricalPersonsWithTitlesNicknamesAndManyRecords_MatchesThem()
    {
        var file = SyntheticHistorical.Generate(new HistoricalOptions { Persons = 400, Seed = 3 });
        var records = file.Select(r => new MatchRecord(r.Id)
        {
            GivenNames = r.FirstName.Length > 0 ? r.FirstName : null,
            FamilyName = r.Surname.Length > 0 ? r.Surname : null,
            FullName = r.FullName,
            DateOfBirth = PartialDate.Parse(r.Dob),
            BirthPlace = r.BirthPlace,
            Postcode = r.Postcode,
            Occupation = r.Occupation,
        }).ToList();
        var result = Matcher.Deduplicate(records);
        var likely = result.ResolvedPairs.Where(p => p.Probability >= result.Model.LikelyThreshold).ToList();
        var tp = likely.Count(p => file[p.A].Cluster == file[p.B].Cluster);
        var truePairs = file.GroupBy(r => r.Cluster).Sum(g => (long)g.Count() * (g.Count() - 1) / 2);
        var f1 = 2.0 * tp / (likely.Count + truePairs);
        Assert.True(f1 >= 0.9, $"F1 {f1:F4}");
    }
}
