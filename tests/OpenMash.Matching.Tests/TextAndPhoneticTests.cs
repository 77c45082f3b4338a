namespace OpenMash.Matching.Tests;

public class TextAndPhoneticTests
{
    [Theory]
    [InlineData("O'Brien-Smith", "obrien smith")]
    [InlineData("  Zoë   ANNE ", "zoe anne")]
    [InlineData("St. John", "st john")]
    [InlineData("", "")]
    public void Normalise_folds_case_accents_and_punctuation(string input, string expected) =>
        Assert.Equal(expected, Text.Normalise(input));

    [Fact]
    public void Jaro_winkler_matches_the_published_example()
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
    public void Within_one_edit_counts_substitution_insertion_deletion_and_transposition(string a, string b, bool expected) =>
        Assert.Equal(expected, Text.WithinOneEdit(a, b));

    [Theory]
    [InlineData("Smith", "Smyth")]
    [InlineData("Catherine", "Kathryn")]
    [InlineData("Philips", "Phillips")]
    [InlineData("Stephen", "Steven")]
    public void Names_that_sound_alike_share_a_phonetic_code(string a, string b)
    {
        var (pa, aa) = Phonetic.DoubleMetaphone(a);
        var (pb, ab) = Phonetic.DoubleMetaphone(b);
        Assert.True(pa == pb || pa == ab || aa == pb || aa == ab, $"{a}={pa}/{aa} {b}={pb}/{ab}");
    }

    [Fact]
    public void Names_that_sound_different_have_different_codes()
    {
        Assert.NotEqual(Phonetic.DoubleMetaphone("Smith").Primary, Phonetic.DoubleMetaphone("Jones").Primary);
        Assert.Equal(4, Phonetic.DoubleMetaphone("Christopherson").Primary.Length);
    }

    [Fact]
    public void Nickname_table_links_variants_in_both_directions_and_not_strangers()
    {
        Assert.True(GivenNameVariants.AreVariants("bob", "robert"));
        Assert.True(GivenNameVariants.AreVariants("elizabeth", "liz"));
        Assert.True(GivenNameVariants.AreVariants("alex", "alexandra"));
        Assert.True(GivenNameVariants.AreVariants("alex", "alexander"));
        Assert.False(GivenNameVariants.AreVariants("alexander", "alexandra"));
        Assert.False(GivenNameVariants.AreVariants("robert", "william"));
    }

    [Fact]
    public void Nhs_check_digit_follows_modulus_11()
    {
        Assert.Equal(9, NhsNumber.CheckDigit("943476591"));
        Assert.True(NhsNumber.IsValid("943 476 5919"));
        Assert.False(NhsNumber.IsValid("9434765918"));
        Assert.False(NhsNumber.IsValid("943476591"));
    }

    [Fact]
    public void A_stem_whose_check_would_be_10_has_no_valid_number()
    {
        var stem = Enumerable.Range(100_000_000, 1000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .First(s => NhsNumber.CheckDigit(s) == -1);
        Assert.All(Enumerable.Range(0, 10), d => Assert.False(NhsNumber.IsValid(stem + d)));
    }

    [Fact]
    public void Generated_nhs_numbers_are_valid_and_unique()
    {
        var numbers = Enumerable.Range(0, 5000).Select(i => Synthetic.SyntheticChildren.NhsNumberFor(i)).ToList();
        Assert.All(numbers, n => Assert.True(NhsNumber.IsValid(n), n));
        Assert.Equal(numbers.Count, numbers.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("2015-03-04", 2015, 3, 4)]
    [InlineData("20150304", 2015, 3, 4)]
    [InlineData("04/03/2015", 2015, 3, 4)]
    public void Partial_dates_parse_common_layouts(string text, int y, int m, int d) =>
        Assert.Equal(new PartialDate(y, m, d), PartialDate.Parse(text));

    [Theory]
    [InlineData("110 milson street torbanlea", "110 torbalea milson street", 2)]
    [InlineData("28 pondeossa", "28 john cleland crescent ponderossa", 2)]
    [InlineData("28 john street", "28 john cleland crescent", 1)]
    [InlineData("28 john cleland crescent", "28 oak lane", 0)]
    [InlineData("12 acacia road", "12 elm road", 1)]
    [InlineData("2 oak lane", "3 elm road", 0)]
    public void Address_lines_agree_word_by_word(string a, string b, int expected)
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
    public void Two_edits(string a, string b, bool expected)
    {
        Assert.Equal(expected, Text.WithinTwoEdits(a, b));
        Assert.Equal(expected, Text.WithinTwoEdits(b, a));
    }
}
