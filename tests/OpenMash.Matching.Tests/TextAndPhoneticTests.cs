namespace OpenMash.Matching.Tests;

public class TextAndPhoneticTests
{
    [Theory]
    [InlineData("O'Brien-Smith", "obrien smith")]
    [InlineData("  Zoë   ANNE ", "zoe anne")]
    [InlineData("St. John", "st john")]
    [InlineData("", "")]
    public void Normalise_Text_FoldsCaseAccentsAndPunctuation(string input, string expected) =>
        Assert.Equal(expected, Text.Normalise(input));

    [Fact]
    public void JaroWinkler_OnThePublishedExample_MatchesIt()
    {
        Assert.Equal(0.961, Text.JaroWinkler("martha", "marhta"), 3);
        Assert.Equal(1.0, Text.JaroWinkler("same", "same"));
        Assert.Equal(0.0, Text.JaroWinkler("abc", "xyz"));
    }

    [Theory]
    [InlineData("smith", "smth", true)]
    [InlineData("smith", "smiht", true)]
    [InlineData("smith", "smithe", true)]
    [InlineData("smith", "smyht", false)]
    [InlineData("smith", "jones", false)]
    public void WithinOneEdit_SubstitutionInsertionDeletionOrTransposition_CountsAsOneEdit(string a, string b, bool expected) =>
        Assert.Equal(expected, Text.WithinOneEdit(a, b));

    [Theory]
    [InlineData("Smith", "Smyth")]
    [InlineData("Catherine", "Kathryn")]
    [InlineData("Philips", "Phillips")]
    [InlineData("Stephen", "Steven")]
    public void Phonetic_NamesThatSoundAlike_ShareACode(string a, string b)
    {
        var (pa, aa) = Phonetic.DoubleMetaphone(a);
        var (pb, ab) = Phonetic.DoubleMetaphone(b);
        Assert.True(pa == pb || pa == ab || aa == pb || aa == ab, $"{a}={pa}/{aa} {b}={pb}/{ab}");
    }

    [Fact]
    public void Phonetic_NamesThatSoundDifferent_HaveDifferentCodes()
    {
        Assert.NotEqual(Phonetic.DoubleMetaphone("Smith").Primary, Phonetic.DoubleMetaphone("Jones").Primary);
        Assert.Equal(4, Phonetic.DoubleMetaphone("Christopherson").Primary.Length);
    }

    [Fact]
    public void Nicknames_Variants_AreLinkedInBothDirectionsAndStrangersAreNot()
    {
        Assert.True(GivenNameVariants.AreVariants("bob", "robert"));
        Assert.True(GivenNameVariants.AreVariants("elizabeth", "liz"));
        Assert.True(GivenNameVariants.AreVariants("alex", "alexandra"));
        Assert.True(GivenNameVariants.AreVariants("alex", "alexander"));
        Assert.False(GivenNameVariants.AreVariants("alexander", "alexandra"));
        Assert.False(GivenNameVariants.AreVariants("robert", "william"));
    }

    [Fact]
    public void NhsNumber_CheckDigit_FollowsModulus11()
    {
        Assert.Equal(9, NhsNumber.CheckDigit("943476591"));
        Assert.True(NhsNumber.IsValid("943 476 5919"));
        Assert.False(NhsNumber.IsValid("9434765918"));
        Assert.False(NhsNumber.IsValid("943476591"));
    }

    [Fact]
    public void NhsNumber_StemWhoseCheckWouldBeTen_HasNoValidNumber()
    {
        var stem = Enumerable.Range(100_000_000, 1000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .First(s => NhsNumber.CheckDigit(s) == -1);
        Assert.All(Enumerable.Range(0, 10), d => Assert.False(NhsNumber.IsValid(stem + d)));
    }

    [Fact]
    public void NhsNumber_Generated_AreValidAndUnique()
    {
        var numbers = Enumerable.Range(0, 5000).Select(i => Synthetic.SyntheticChildren.NhsNumberFor(i)).ToList();
        Assert.All(numbers, n => Assert.True(NhsNumber.IsValid(n), n));
        Assert.Equal(numbers.Count, numbers.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("2015-03-04", 2015, 3, 4)]
    [InlineData("20150304", 2015, 3, 4)]
    [InlineData("04/03/2015", 2015, 3, 4)]
    public void PartialDate_InCommonLayouts_Parses(string text, int y, int m, int d) =>
        Assert.Equal(new PartialDate(y, m, d), PartialDate.Parse(text));

    [Theory]
    [InlineData("110 milson street torbanlea", "110 torbalea milson street", 2)]
    [InlineData("28 pondeossa", "28 john cleland crescent ponderossa", 2)]
    [InlineData("28 john street", "28 john cleland crescent", 1)]
    [InlineData("28 john cleland crescent", "28 oak lane", 0)]
    [InlineData("12 acacia road", "12 elm road", 1)]
    [InlineData("2 oak lane", "3 elm road", 0)]
    public void AddressLines_ComparedWordByWord_Agree(string a, string b, int expected)
    {
        Assert.Equal(expected, Text.TokenAgreement(a, b));
        Assert.Equal(expected, Text.TokenAgreement(b, a));
    }

    [Theory]
    [InlineData("bennett", "bnennet", true)]
    [InlineData("theodore", "etheodroe", true)]
    [InlineData("campbell", "campbell", true)]
    [InlineData("patesrn", "patwrson", false)]
    [InlineData("smith", "patel", false)]
    public void WithinTwoEdits_EitherOrder_GivesTheExpectedAnswer(string a, string b, bool expected)
    {
        Assert.Equal(expected, Text.WithinTwoEdits(a, b));
        Assert.Equal(expected, Text.WithinTwoEdits(b, a));
    }
}
