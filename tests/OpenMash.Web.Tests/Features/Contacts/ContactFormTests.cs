using OpenMash.Web.Features.Contacts.New;
using OpenMash.Web.Features.Shared;

namespace OpenMash.Web.Tests.Features.Contacts;

public sealed class ContactFormTests
{
    private static ContactForm Received(int year, int month, int day, string time) =>
        new() { ReceivedDate = DateParts.From(new DateOnly(year, month, day)), ReceivedTime = time };

    [Fact]
    public void ReceivedTime_IsUkTime_ConvertedToUtc()
    {
        var errors = new List<ValidationError>();

        Assert.Equal(new DateTime(2026, 7, 1, 13, 30, 0, DateTimeKind.Utc), Received(2026, 7, 1, "14:30").ReceivedAtUtc(errors));
        Assert.Equal(new DateTime(2026, 1, 15, 14, 30, 0, DateTimeKind.Utc), Received(2026, 1, 15, "14.30").ReceivedAtUtc(errors));
        Assert.Empty(errors);
    }

    [Fact]
    public void ReceivedTime_InTheHourTheClocksSkip_IsAProblemToCorrectNotAnError()
    {
        var errors = new List<ValidationError>();

        var utc = Received(2026, 3, 29, "01:30").ReceivedAtUtc(errors);

        Assert.Null(utc);
        Assert.Equal("ReceivedTime", Assert.Single(errors).Field);
    }

    [Theory]
    [InlineData("31", "2", "2026")]
    [InlineData("1", "13", "2026")]
    [InlineData("1", "1", "26")]
    [InlineData("x", "1", "2026")]
    public void DateParts_ThatAreNotARealDate_AreInvalid(string day, string month, string year)
    {
        var parsed = new DateParts { Day = day, Month = month, Year = year }.Parse(out var valid);

        Assert.Null(parsed);
        Assert.False(valid);
    }
}
