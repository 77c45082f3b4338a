using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Features.Contacts;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Features.People;

public sealed class PersonPagesTests(OpenMashFactory factory) : IClassFixture<OpenMashFactory>
{
    private async Task<PageClient> SignInAsync(string user)
    {
        var client = new PageClient(factory.CreateBrowserlessClient());
        await client.SignInAsDemoAsync(user);
        return client;
    }

    [Fact]
    public async Task Search_ByNhsNumber_FindsThePersonAndAuditsTheResultsAsSubjects()
    {
        var nhs = TestPeople.NhsNumber(611_000_001);
        var person = await TestPeople.AddPersonAsync(factory, "STAFFS", "Maisie", "Nhsfinder", nhsNumber: nhs);
        var screener = await SignInAsync("staffs.screener");

        var page = await PageClient.ParseAsync(await screener.PostFormAsync("/People", [new("NhsNumber", $"{nhs[..3]} {nhs[3..6]} {nhs[6..]}")]));

        var links = page.QuerySelectorAll("[data-testid=person-results] tbody a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/People/{person.Id}"], links);
        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.SearchPeople && e.UserName == "staffs.screener").OrderByDescending(e => e.Sequence).FirstAsync());
        Assert.Equal(person.Id.ToString(), audit.Subjects);
        Assert.DoesNotContain(nhs, audit.Detail ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_ByPostcode_FindsPeopleAtThatAddressButNotMergedRecords()
    {
        var kept = await TestPeople.AddPersonAsync(factory, "STAFFS", "Rowan", "Postcoder", postcode: "ST16 2LH");
        await TestPeople.AddPersonAsync(factory, "STAFFS", "Rowan", "Merged", postcode: "ST16 2LH", mergedInto: kept.Id);
        await TestPeople.AddPersonAsync(factory, "STOKE", "Rowan", "Otherhub", postcode: "ST16 2LH");
        var screener = await SignInAsync("staffs.screener");

        var page = await PageClient.ParseAsync(await screener.PostFormAsync("/People", [new("Postcode", "st162lh")]));

        var names = page.QuerySelectorAll("[data-testid=person-results] tbody a").Select(a => a.TextContent).ToList();
        Assert.Contains("Rowan Postcoder", names);
        Assert.DoesNotContain("Rowan Merged", names);
        Assert.DoesNotContain("Rowan Otherhub", names);
    }

    [Fact]
    public async Task Search_ByPartOfANameAndDateOfBirth_IsCaseInsensitiveAndTreatsWildcardsAsText()
    {
        var person = await TestPeople.AddPersonAsync(factory, "STAFFS", "Clementine", "O'Namesearch");
        var screener = await SignInAsync("staffs.screener");

        var found = await PageClient.ParseAsync(await screener.PostFormAsync("/People",
            [new("Name", "clem NAMESEARCH"), new("DateOfBirth.Day", "12"), new("DateOfBirth.Month", "4"), new("DateOfBirth.Year", "2016")]));
        var wildcard = await PageClient.ParseAsync(await screener.PostFormAsync("/People", [new("Name", "%")]));
        var wrongDate = await PageClient.ParseAsync(await screener.PostFormAsync("/People",
            [new("Name", "clementine"), new("DateOfBirth.Day", "13"), new("DateOfBirth.Month", "4"), new("DateOfBirth.Year", "2016")]));

        Assert.Equal([$"/People/{person.Id}"], found.QuerySelectorAll("[data-testid=person-results] tbody a").Select(a => a.GetAttribute("href")).ToList());
        Assert.Empty(wildcard.QuerySelectorAll("[data-testid=person-results] tbody a"));
        // The search now allows for a mistyped date: the person is found, and the page says the date differs.
        var near = wrongDate.QuerySelectorAll("[data-testid=person-results] tbody tr").Single(r => r.QuerySelector($"a[href='/People/{person.Id}']") is not null);
        Assert.Contains("Date of birth: one digit different", near.QuerySelectorAll("[data-testid=match-why] li").Select(li => li.TextContent.Trim()));
    }

    [Fact]
    public async Task Search_WithAnInvalidNhsNumber_ShowsTheProblemAndSearchesNothing()
    {
        var screener = await SignInAsync("staffs.screener");
        var bad = TestPeople.NhsNumber(611_000_002)[..9] + "X";

        var page = await PageClient.ParseAsync(await screener.PostFormAsync("/People", [new("NhsNumber", bad), new("DateOfBirth.Day", "31"), new("DateOfBirth.Month", "2"), new("DateOfBirth.Year", "2015")]));

        Assert.Equal(["#DateOfBirth", "#NhsNumber"], page.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")).ToList());
        Assert.Null(page.QuerySelector("[data-testid=person-results]"));
    }

    [Fact]
    public async Task PersonRecord_ShowsOpenInvolvementAndContacts_AndAuditsTheView()
    {
        var person = await TestPeople.AddPersonAsync(factory, "STAFFS", "Ivy", "Recordview", postcode: "ST17 4AB");
        await TestPeople.AsHubAsync(factory, "STAFFS", async (_, db) =>
        {
            db.Involvements.Add(new Involvement { Id = Guid.NewGuid(), HubId = db.CurrentHubId!.Value, PersonId = person.Id, Service = InvolvementService.SocialCare, Team = "North Locality Team", OpenedOn = new DateOnly(2026, 1, 5) });
            return await db.SaveChangesAsync();
        });
        var contact = await TestPeople.AddContactAsync(factory, "STAFFS", new ContactSource(), existingPerson: person.Id);
        var screener = await SignInAsync("staffs.screener");

        var (response, page) = await screener.GetPageAsync($"/People/{person.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Already open to social care: North Locality Team", page.QuerySelector("[data-testid=open-involvements]")?.TextContent, StringComparison.Ordinal);
        Assert.Contains(contact.Reference, page.QuerySelector("[data-testid=contact-timeline]")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("ST17 4AB", page.QuerySelector("main")?.TextContent, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.ViewPerson && e.TargetId == person.Id.ToString() && e.Subjects == person.Id.ToString() && e.UserName == "staffs.screener")));
    }

    [Fact]
    public async Task PersonRecord_OfAnotherHub_IsNotFoundAndAuditsNoView()
    {
        var person = await TestPeople.AddPersonAsync(factory, "STAFFS", "Hazel", "Otherhub");
        var stoke = await SignInAsync("stoke.screener");

        var response = await stoke.Http.GetAsync(new Uri($"/People/{person.Id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.ViewPerson && e.TargetId == person.Id.ToString() && e.Outcome == AuditOutcome.Allowed)));
        // The refusal itself is audited now (it was not): one Refused row naming the person.
        Assert.Equal(1, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.TargetId == person.Id.ToString() && e.Outcome == AuditOutcome.Refused && e.UserName == "stoke.screener")));
    }

    [Fact]
    public async Task PersonRecord_ThatDoesNotExist_IsNotFoundNotAnError()
    {
        var screener = await SignInAsync("staffs.screener");

        var response = await screener.Http.GetAsync(new Uri($"/People/{Guid.NewGuid()}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("staffs.referrer")]
    [InlineData("staffs.police")]
    [InlineData("staffs.analyst")]
    public async Task PeoplePages_RefuseAnyoneButCaseWorkers_AndAuditTheRefusal(string user)
    {
        var person = await TestPeople.AddPersonAsync(factory, "STAFFS", "Willow", "Refused");
        var client = await SignInAsync(user);

        var response = await client.Http.GetAsync(new Uri($"/People/{person.Id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.AccessRefused && e.Outcome == AuditOutcome.Refused && e.UserName == user && e.TargetId == $"/People/{person.Id}")));
        Assert.False(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.ViewPerson && e.TargetId == person.Id.ToString())));
    }
}
