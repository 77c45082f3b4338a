using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Features.People;

/// <summary>The "Find a person" search through the matcher index: typos, nicknames, other names, part of a date of birth.</summary>
public sealed class FuzzySearchTests(OpenMashFactory factory) : IClassFixture<OpenMashFactory>
{
    private async Task<PageClient> SignInAsync(string user)
    {
        var client = new PageClient(factory.CreateBrowserlessClient());
        await client.SignInAsDemoAsync(user);
        return client;
    }

    private static async Task<IHtmlDocument> SearchAsync(PageClient client, string? name = null, string? day = null, string? month = null, string? year = null, string? postcode = null)
    {
        var fields = new List<KeyValuePair<string, string>>();
        void Add(string key, string? value)
        {
            if (value is not null)
            {
                fields.Add(new(key, value));
            }
        }

        Add("Name", name);
        Add("DateOfBirth.Day", day);
        Add("DateOfBirth.Month", month);
        Add("DateOfBirth.Year", year);
        Add("Postcode", postcode);
        return await PageClient.ParseAsync(await client.PostFormAsync("/People", fields));
    }

    /// <summary>The result row of a person, or null when the search did not return them.</summary>
    private static AngleSharp.Dom.IElement? Row(IHtmlDocument page, Guid personId) =>
        page.QuerySelectorAll("[data-testid=person-results] tbody tr").FirstOrDefault(r => r.QuerySelector($"a[href='/People/{personId}']") is not null);

    private static List<string> Reasons(AngleSharp.Dom.IElement row) =>
        row.QuerySelectorAll("[data-testid=match-why] li").Select(li => li.TextContent.Trim()).ToList();

    private static string Strength(AngleSharp.Dom.IElement row) => row.QuerySelector("[data-testid=match-strength]")!.TextContent.Trim();

    [Fact]
    public async Task Search_WithATypoInTheFamilyName_FindsThePersonAndSaysWhy()
    {
        var person = await TestPeople.AddPersonAsync(factory, "STAFFS", "Harriet", "Fennimore");
        var screener = await SignInAsync("staffs.screener");

        var page = await SearchAsync(screener, "Harriet Fenimore", "12", "4", "2016");

        var row = Row(page, person.Id);
        Assert.NotNull(row);
        Assert.Contains("Last name: one letter different", Reasons(row));
        Assert.Contains("First name: same", Reasons(row));
        Assert.Contains("Date of birth: same", Reasons(row));
        Assert.Equal("Likely", Strength(row));
    }

    [Fact]
    public async Task Search_ByANicknameAlone_FindsThePersonByTheirFormalName()
    {
        var person = await TestPeople.AddPersonAsync(factory, "STAFFS", "William", "Quenbury");
        var screener = await SignInAsync("staffs.screener");

        var page = await SearchAsync(screener, "Bill Quenbury");

        var row = Row(page, person.Id);
        Assert.NotNull(row);
        Assert.Contains("First name: a nickname or short form of the name searched (Bill for William)", Reasons(row));
        Assert.Contains("Last name: same", Reasons(row));
        Assert.Contains(Strength(row), new[] { "Likely", "Possible" });
    }

    [Fact]
    public async Task Search_ByMonthAndYearOrYearOfBirth_FindsThePersonAndSaysWhichParts()
    {
        var person = await TestPeople.AddPersonAsync(factory, "STAFFS", "Ottoline", "Brackwater");
        var screener = await SignInAsync("staffs.screener");

        var byMonth = await SearchAsync(screener, "Ottoline Brackwater", month: "4", year: "2016");
        var byYear = await SearchAsync(screener, "Otoline Brackwater", year: "2016");
        var otherMonth = await SearchAsync(screener, "Ottoline Brackwater", month: "9", year: "2016");

        Assert.Contains("Date of birth: same year and month", Reasons(Row(byMonth, person.Id)!));
        Assert.Contains("Date of birth: same year", Reasons(Row(byYear, person.Id)!));
        Assert.Contains("Date of birth: same year, different month", Reasons(Row(otherMonth, person.Id)!));
    }

    [Fact]
    public async Task Search_ByAnotherNameTheyAreKnownBy_FindsThePerson()
    {
        var person = await TestPeople.AsHubAsync(factory, "STAFFS", async (_, db) =>
        {
            var p = new Person { Id = Guid.NewGuid(), HubId = db.CurrentHubId!.Value, GivenNames = "Karensa", FamilyName = "Mallowby", OtherNames = "Karensa Tremlowe", DateOfBirth = new DateOnly(2013, 2, 9), Sex = Sex.F };
            db.Persons.Add(p);
            await db.SaveChangesAsync();
            return p;
        });
        var screener = await SignInAsync("staffs.screener");

        var page = await SearchAsync(screener, "Karensa Tremlowe", "9", "2", "2013");

        var row = Row(page, person.Id);
        Assert.NotNull(row);
        Assert.Contains("Last name: part of it, or another or previous name they are known by, is the same", Reasons(row));
    }

    [Fact]
    public async Task Search_ForAnotherHubsPerson_NeverReturnsThem()
    {
        var stokePerson = await TestPeople.AddPersonAsync(factory, "STOKE", "Peregrina", "Stokeonly", postcode: "ST4 1AA");
        var staffs = await SignInAsync("staffs.screener");
        var stoke = await SignInAsync("stoke.screener");

        var fromStaffs = new[]
        {
            await SearchAsync(staffs, "Peregrina Stokeonly", "12", "4", "2016"),
            await SearchAsync(staffs, "Peregrina Stokeonly"),
            await SearchAsync(staffs, "Stokeonly", postcode: "ST4 1AA"),
            await SearchAsync(staffs, postcode: "ST4 1AA"),
        };
        var fromStoke = await SearchAsync(stoke, "Peregrina Stokeonly", "12", "4", "2016");

        Assert.All(fromStaffs, page => Assert.Null(Row(page, stokePerson.Id)));
        Assert.NotNull(Row(fromStoke, stokePerson.Id));
    }

    [Fact]
    public async Task Search_ThroughTheMatcher_AuditsEveryResultAsASubject()
    {
        var first = await TestPeople.AddPersonAsync(factory, "STAFFS", "Gwendolyn", "Audenshaw");
        var second = await TestPeople.AddPersonAsync(factory, "STAFFS", "Gwendolen", "Audenshaw");
        var screener = await SignInAsync("staffs.screener");

        var page = await SearchAsync(screener, "Gwendolyn Audenshaw", "12", "4", "2016");

        var shown = page.QuerySelectorAll("[data-testid=person-results] tbody a").Select(a => a.GetAttribute("href")!["/People/".Length..]).ToList();
        Assert.Contains(first.Id.ToString(), shown);
        Assert.Contains(second.Id.ToString(), shown);
        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.SearchPeople && e.UserName == "staffs.screener").OrderByDescending(e => e.Sequence).FirstAsync());
        Assert.Equal(shown.Order(StringComparer.Ordinal), (audit.Subjects ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
        Assert.Contains("by: matcher", audit.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Audenshaw", audit.Detail, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("30", "2", "2016", "Date of birth must be a real date, like 27 3 2015, or a month and year, like 3 2015, or a year, like 2015")]
    [InlineData("12", "", "2016", "Date of birth must include a month if it includes a day")]
    [InlineData("", "4", "", "Date of birth must include a year")]
    public async Task Search_WithAnImpossibleDate_ShowsTheErrorSummaryAndSearchesNothing(string day, string month, string year, string message)
    {
        var screener = await SignInAsync("staffs.screener");

        var page = await SearchAsync(screener, "Harriet Fennimore", day, month, year);

        var links = page.QuerySelectorAll(".govuk-error-summary__list a").ToList();
        Assert.Equal(["#DateOfBirth"], links.Select(a => a.GetAttribute("href")));
        Assert.Equal(message, links.Single().TextContent.Trim());
        Assert.Null(page.QuerySelector("[data-testid=person-results]"));
    }
}
