namespace OpenMash.Web.Tests.Features.People;

public sealed class IdentifierTests
{
    [Theory]
    [InlineData(123_456_78)]
    [InlineData(401_023_21)]
    [InlineData(943_476_59)]
    [InlineData(0)]
    public void NhsNumber_WithItsComputedCheckDigit_IsValid(int seed)
    {
        var nhs = TestPeople.NhsNumber(seed);

        Assert.True(Identifiers.IsValidNhsNumber(nhs));
        Assert.True(Identifiers.IsValidNhsNumber($"{nhs[..3]} {nhs[3..6]} {nhs[6..]}"));
    }

    [Fact]
    public void NhsNumber_WithAnyOtherCheckDigit_IsInvalid()
    {
        var nhs = TestPeople.NhsNumber(943_476_59);

        for (var d = 0; d <= 9; d++)
        {
            var other = nhs[..9] + d;
            Assert.Equal(other == nhs, Identifiers.IsValidNhsNumber(other));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("123456789")]
    [InlineData("12345678901")]
    [InlineData("12345678a0")]
    public void NhsNumber_OfTheWrongShape_IsInvalid(string value) => Assert.False(Identifiers.IsValidNhsNumber(value));

    [Fact]
    public void NhsNumber_WhoseCheckWouldBeTen_IsNeverValid()
    {
        // Find nine digits whose check value is 10: no tenth digit can make them valid.
        var nine = Enumerable.Range(100_000_000, 1000).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .First(d => 11 - (d.Select((c, i) => (c - '0') * (10 - i)).Sum() % 11) == 10);

        Assert.All(Enumerable.Range(0, 10), d => Assert.False(Identifiers.IsValidNhsNumber(nine + d)));
    }

    [Theory]
    [InlineData("93020101501")]
    [InlineData("88620252400")]
    public void Upn_WithItsComputedCheckLetter_IsValid(string elevenDigits)
    {
        var permanent = TestPeople.Upn(elevenDigits + "7");
        var temporary = TestPeople.Upn(elevenDigits + "A");

        Assert.True(Identifiers.IsValidUpn(permanent));
        Assert.True(Identifiers.IsValidUpn(temporary.ToLowerInvariant()));
    }

    [Fact]
    public void Upn_WithTheWrongCheckLetter_IsInvalid()
    {
        var upn = TestPeople.Upn("930201015017");
        var wrong = (upn[0] == 'A' ? 'B' : 'A') + upn[1..];

        Assert.False(Identifiers.IsValidUpn(wrong));
    }

    [Theory]
    [InlineData("")]
    [InlineData("A93020101501")]
    [InlineData("I930201015017")]
    [InlineData("A9302010150I7")]
    [InlineData("A93020101501I")]
    public void Upn_OfTheWrongShape_IsInvalid(string value) => Assert.False(Identifiers.IsValidUpn(value));
}
