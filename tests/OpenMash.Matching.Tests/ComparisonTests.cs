namespace OpenMash.Matching.Tests;

public class ComparisonTests
{
    private static MatchRecord R(string? given = null, string? family = null, string? dob = null, string? nhs = null,
        string? postcode = null, string? line = null, string? town = null, Sex sex = Sex.Unknown, params string[] other) =>
        new("x")
        {
            GivenNames = given,
            FamilyName = family,
            DateOfBirth = PartialDate.Parse(dob),
            NhsNumber = nhs,
            Postcode = postcode,
            AddressLine = line,
            Town = town,
            Sex = sex,
            OtherNames = other,
        };

    private static string Level(int comparison, MatchRecord a, MatchRecord b)
    {
        var l = Comparisons.Compare(a, b)[comparison];
        return l == Comparisons.Null ? "Missing" : Comparisons.LevelNames[comparison][l];
    }

    [Theory]
    [InlineData("2015-03-04", "2015-03-04", "Exact")]
    [InlineData("2015-03-04", "2015-04-03", "DayMonthSwapped")]
    [InlineData("2015-03-14", "2015-03-15", "OneEdit")]
    [InlineData("2015-03-14", "2015-03-41", "OneEdit")]
    [InlineData("2015-03-28", "2015-04-05", "WithinMonth")]
    [InlineData("2015-01-01", "2015-09-20", "SameYear")]
    [InlineData("1930-06-09", "1962-06-09", "TwoDigits")]
    [InlineData("2015-03-10", "2015-12-10", "TwoDigits")]
    [InlineData("2015-03-14", "2016-03-15", "TwoDigits")]
    [InlineData("2015-01-01", "2011-09-20", "Different")]
    [InlineData("2015-01-01", null, "Missing")]
    [InlineData("2015-03-00", "2015-03-10", "WithinMonth")]
    [InlineData("2015-03-00", "2015-04-20", "SameYear")]
    [InlineData("2015-00-00", "2015-01-01", "SameYear")]
    [InlineData("2015-00-00", "2011-09-20", "Different")]
    public void Compare_DatesOfBirth_GivesTheExpectedLevel(string a, string? b, string expected) =>
        Assert.Equal(expected, Level(Comparisons.DateOfBirth, R(dob: a), R(dob: b)));

    [Theory]
    [InlineData("Oliver", "oliver", "Exact")]
    [InlineData("Bob", "Robert", "Nickname")]
    [InlineData("Liz", "Elizabeth", "Nickname")]
    [InlineData("Jonathon", "Jonathan", "JaroWinkler>=0.92")]
    [InlineData("Ava", "Eva", "OneEdit")]
    [InlineData("Katelyn", "Caitlin", "Phonetic")]
    [InlineData("J", "John", "OtherGivenNameOrInitial")]
    [InlineData("Amelia Rose", "Rose", "OtherGivenNameOrInitial")]
    [InlineData("Gabriella", "Gabreilla", "JaroWinkler>=0.92")]
    [InlineData("Theodore", "eTheodroe", "TwoEdits")]
    [InlineData("Mariana", "Amrinaa", "TwoEdits")]
    [InlineData("Oliver", "Harry", "Different")]
    public void Compare_GivenNames_GivesTheExpectedLevel(string a, string b, string expected) =>
        Assert.Equal(expected, Level(Comparisons.GivenName, R(a, "Smith"), R(b, "Smith")));

    [Theory]
    [InlineData("Smith-Jones", "Smith Jones", "Exact")]
    [InlineData("O'Brien", "OBRIEN", "Exact")]
    [InlineData("Smith-Jones", "Jones", "SharedPartOrPreviousName")]
    [InlineData("Jones-Smith", "Smith-Jones", "SharedPartOrPreviousName")]
    [InlineData("Fitzgerald", "Fitzgerrald", "JaroWinkler>=0.92")]
    [InlineData("Bennett", "Bnennet", "TwoEdits")]
    [InlineData("Li", "Lu", "Different")]
    [InlineData("Smith", "Patel", "Different")]
    public void Compare_FamilyNames_GivesTheExpectedLevel(string a, string b, string expected) =>
        Assert.Equal(expected, Level(Comparisons.FamilyName, R("Ann", a), R("Ann", b)));

    [Fact]
    public void Compare_PreviousSurnameInOtherNames_CountsAsASharedName()
    {
        var before = R("Ann", "Walker");
        var after = R("Ann", "Okafor", other: ["Walker"]);
        Assert.Equal("SharedPartOrPreviousName", Level(Comparisons.FamilyName, before, after));
    }

    [Fact]
    public void Compare_GivenAndFamilyNamesTheWrongWayRound_RecognisesThem()
    {
        var levels = Comparisons.Compare(R("Smith", "Oliver"), R("Oliver", "Smith"));
        Assert.Equal("SwappedWithFamilyName", Comparisons.LevelNames[Comparisons.GivenName][levels[Comparisons.GivenName]]);
        Assert.Equal(Comparisons.Null, levels[Comparisons.FamilyName]);
    }

    [Theory]
    [InlineData("Dixon", "Ky", "Kyo", "Dixon", "SwappedWithFamilyName")]
    [InlineData("Sophie", "Sndl", "Snell", "Sophie", "SwappedWithFamilyName")]
    [InlineData("Alice", "Exclel", "Riding", "Alice", "OneNameInOtherField")]
    [InlineData(null, "White", "White", "Jasmine", "OneNameInOtherField")]
    [InlineData("Alice", "Smith", "Riding", "Jones", "Different")]
    [InlineData("Alice", null, null, "Jones", "Missing")]
    public void Compare_NamesInTheWrongFields_GivesTheExpectedLevel(string? g1, string? f1, string? g2, string? f2, string expected)
    {
        var levels = Comparisons.Compare(R(g1, f1), R(g2, f2));
        var l = levels[Comparisons.GivenName];
        Assert.Equal(expected, l == Comparisons.Null ? "Missing" : Comparisons.LevelNames[Comparisons.GivenName][l]);
        if (expected is "SwappedWithFamilyName" or "OneNameInOtherField")
        {
            Assert.Equal(Comparisons.Null, levels[Comparisons.FamilyName]);
        }
    }

    [Theory]
    [InlineData("9434765919", "943 476 5919", "Exact")]
    [InlineData("9434765919", "9434765991", "OneEdit")]
    [InlineData("9434765919", "9434765929", "OneEdit")]
    [InlineData("9434765919", "9434765928", "TwoDigits")]
    [InlineData("9434765919", "9134765929", "TwoDigits")]
    [InlineData("9434765919", "4010232137", "Different")]
    public void Compare_NhsNumbers_GivesTheExpectedLevel(string a, string b, string expected) =>
        Assert.Equal(expected, Level(Comparisons.NhsNumber, R(nhs: a), R(nhs: b)));

    [Theory]
    [InlineData("QA1 2BC", "12 Acacia Road", "Town", "qa12bc", "12 acacia road", "Town", "LineAndPostcode")]
    [InlineData("QA1 2BC", "12 Acacia Road", "Town", "QZ9 9ZZ", "12 Acacia Rd", "Town", "LineAndTown")]
    [InlineData("QA1 2BC", "12 Acacia Road", "Town", "QA1 2CB", "12 Acacia Rd", "Elsewhere", "LineAndTown")]
    [InlineData("QA1 2BC", "12 Acacia Road", "Town", "QZ9 9ZZ", "12 Acacia Rd", "Elsewhere", "Line")]
    [InlineData("QA1 2BC", "12 Acacia Road", "Town", "QA1 2BC", "3 Oak Lane", "Town", "PostcodeAndTown")]
    [InlineData("QA1 2BC", "12 Acacia Road", "Town", "QA1 9XY", "3 Oak Lane", "Town", "NearPostcodeAndTown")]
    [InlineData("2211", "110 Torbalea Milson Street", "Latrobe", "3746", "110 Milson Street Torbanlea", "Hobart", "Line")]
    [InlineData("2315", "28 John Cleland Crescent Ponderossa", "Tumbarumba", "7018", "28 Pondeossa", "Westfield", "Line")]
    [InlineData("2315", "28 John Cleland Crescent", "Tumbarumba", "7018", "28 John Street", "Westfield", "PartOfLine")]
    [InlineData("2125", "109 Trainer Court Sleepy P Ines", "Eight Mile Plains", "2142", "Trainwr Court Sleepy Pines", "Eight Mile Plains", "PartOfLineAndTown")]
    [InlineData("2315", "28 John Cleland Crescent", "Tumbarumba", "7018", "28 Oak Lane", "Westfield", "Different")]
    [InlineData("QA1 2BC", "12 Acacia Road", "Town", "QB7 9XY", "3 Oak Lane", "Other", "Different")]
    public void Compare_Addresses_IsOneComparisonOfLinePostcodeAndTown(string pa, string la, string ta, string pb, string lb, string tb, string expected) =>
        Assert.Equal(expected, Level(Comparisons.Address, R(postcode: pa, line: la, town: ta), R(postcode: pb, line: lb, town: tb)));

    [Theory]
    [InlineData("amy@example.org", "AMY@example.org ", "Exact")]
    [InlineData("amy@example.org", "amy@exmple.org", "OneEdit")]
    [InlineData("amy.k@example.org", "amy.k@mail.example", "SameLocalPart")]
    [InlineData("amy@example.org", "ben@example.org", "Different")]
    [InlineData("amy@example.org", null, "Missing")]
    public void Compare_Emails_GivesTheExpectedLevel(string a, string? b, string expected) =>
        Assert.Equal(expected, Level(Comparisons.Email, new MatchRecord("a") { Email = a }, new MatchRecord("b") { Email = b }));

    [Fact]
    public void Compare_Sex_IsMissingWhenUnknownAndComparedOtherwise()
    {
        Assert.Equal("Missing", Level(Comparisons.Sex, R(sex: Sex.Unknown), R(sex: Sex.Male)));
        Assert.Equal("Same", Level(Comparisons.Sex, R(sex: Sex.Female), R(sex: Sex.Female)));
        Assert.Equal("Different", Level(Comparisons.Sex, R(sex: Sex.Female), R(sex: Sex.Male)));
    }
}
