using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Tests.Features.Api;
using OpenMash.Web.Tests.Infrastructure;
using static OpenMash.Web.Tests.Features.Api.ApiTestSupport;

namespace OpenMash.Web.Tests.Features.Duplicates;

/// <summary>
/// Is this child already known? A contact arriving by the API about a child the hub knows is linked to that child
/// (exact NHS number and date of birth) or put to the screener as a possible existing record; the screening page
/// then shows the child's earlier contacts. Each test uses its own demo child, so the order does not matter.
/// </summary>
public sealed class KnownChildTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private sealed record Known(Guid Id, string GivenNames, string FamilyName, DateOnly DateOfBirth, string NhsNumber, string Postcode, string EarlierReference);

    [Fact]
    public async Task ApiContact_ForAKnownChildByNhsNumber_IsLinkedToThatChildAndTheScreeningPageShowsTheEarlierContact()
    {
        var child = await KnownChildAsync(0);
        var http = factory.CreateClient();

        var contactId = await PostAsync(http, await TokenAsync(http), Notice(child, withNhs: true));

        var subjects = await SubjectsAsync(contactId);
        Assert.Contains(child.Id, subjects);
        var link = await factory.WithDbAsync(db => db.PossibleExistingRecords.IgnoreQueryFilters().SingleAsync(r => r.ContactId == contactId));
        Assert.Equal(PossibleRecordState.LinkedAutomatically, link.State);
        Assert.Equal(child.Id, link.CandidateId);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.MergePerson && e.TargetId == link.PersonId.ToString() && e.UserName == "api:demo-police")));

        var screener = await ScreenerAsync();
        var (response, page) = await screener.GetPageAsync($"/Screening/{contactId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector($"[data-testid=history] tr[data-reference='{child.EarlierReference}']"));
        Assert.Contains("same NHS number and date of birth", page.QuerySelector("[data-testid=linked-existing-record]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiContact_SentThreeTimesWithNewKeys_MakesOnePersonNotThree()
    {
        var child = await KnownChildAsync(1);
        var http = factory.CreateClient();
        var token = await TokenAsync(http);

        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await PostAsync(http, token, Notice(child, withNhs: true)));
        }

        foreach (var id in ids)
        {
            Assert.Contains(child.Id, await SubjectsAsync(id));
        }

        // In the child's own hub: the other hub may hold its own record of the same child (the demo's shared children do).
        var live = await factory.WithDbAsync(db => db.Persons.IgnoreQueryFilters().CountAsync(p => p.NhsNumber == child.NhsNumber && p.MergedIntoId == null
            && p.HubId == db.Persons.IgnoreQueryFilters().Where(k => k.Id == child.Id).Select(k => k.HubId).Single()));
        Assert.Equal(1, live);
    }

    [Fact]
    public async Task ApiContact_ForALikelyMatchWithoutNhsNumber_WaitsForTheScreenerWhoConfirmsIt()
    {
        var child = await KnownChildAsync(2);
        var http = factory.CreateClient();

        var contactId = await PostAsync(http, await TokenAsync(http), Notice(child, withNhs: false));

        Assert.DoesNotContain(child.Id, await SubjectsAsync(contactId));
        var suggestion = await factory.WithDbAsync(db => db.PossibleExistingRecords.IgnoreQueryFilters().SingleAsync(r => r.ContactId == contactId && r.CandidateId == child.Id));
        Assert.Equal(PossibleRecordState.Open, suggestion.State);

        var screener = await ScreenerAsync();
        var (_, queue) = await screener.GetPageAsync("/Screening");
        Assert.NotNull(queue.QuerySelector($"tr[data-contact='{contactId}'] [data-testid=may-be-known]"));
        var (_, casePage) = await screener.GetPageAsync($"/Screening/{contactId}");
        // The child's own record is suggested (a brother or sister at the same address may be too, as a separate line).
        var warning = casePage.QuerySelectorAll("[data-testid=possible-existing-record]")
            .Single(w => w.QuerySelector("a")!.GetAttribute("href") == $"/Duplicates/Possible/{suggestion.Id}");
        Assert.Contains($"existing record of {child.GivenNames} {child.FamilyName}", warning.TextContent, StringComparison.Ordinal);
        Assert.Null(casePage.QuerySelector($"[data-testid=history] tr[data-reference='{child.EarlierReference}']"));

        var (_, possiblePage) = await screener.GetPageAsync($"/Duplicates/Possible/{suggestion.Id}");
        var percent = possiblePage.QuerySelector("[data-testid=match-probability]")!.TextContent;
        Assert.Contains(percent, warning.TextContent, StringComparison.Ordinal);
        Assert.Contains(child.EarlierReference, possiblePage.QuerySelector("[data-testid=existing-contacts]")!.TextContent, StringComparison.Ordinal);

        var confirm = await screener.PostFormAsync($"/Duplicates/Possible/{suggestion.Id}", [], $"/Duplicates/Possible/{suggestion.Id}?handler=Confirm");
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.Equal($"/Screening/{contactId}#known", confirm.Headers.Location?.OriginalString);

        Assert.Contains(child.Id, await SubjectsAsync(contactId));
        var (_, after) = await screener.GetPageAsync($"/Screening/{contactId}");
        Assert.Contains("is now linked to the existing record", after.QuerySelector("[data-testid=banner]")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(after.QuerySelector($"[data-testid=history] tr[data-reference='{child.EarlierReference}']"));
        Assert.Equal(PossibleRecordState.Confirmed, (await factory.WithDbAsync(db => db.PossibleExistingRecords.IgnoreQueryFilters().SingleAsync(r => r.Id == suggestion.Id))).State);
        var (_, queueAfter) = await screener.GetPageAsync("/Screening");
        Assert.Null(queueAfter.QuerySelector($"tr[data-contact='{contactId}'] [data-testid=may-be-known]"));
    }

    [Fact]
    public async Task PossibleRecord_RejectedByTheScreener_KeepsTheContactsOwnRecordAndLeavesTheDuplicateQueue()
    {
        var child = await KnownChildAsync(3);
        var http = factory.CreateClient();
        var contactId = await PostAsync(http, await TokenAsync(http), Notice(child, withNhs: false));
        var suggestion = await factory.WithDbAsync(db => db.PossibleExistingRecords.IgnoreQueryFilters().SingleAsync(r => r.ContactId == contactId && r.CandidateId == child.Id));
        var screener = await ScreenerAsync();

        var reject = await screener.PostFormAsync($"/Duplicates/Possible/{suggestion.Id}", [], $"/Duplicates/Possible/{suggestion.Id}?handler=Reject");

        Assert.Equal(HttpStatusCode.Redirect, reject.StatusCode);
        Assert.DoesNotContain(child.Id, await SubjectsAsync(contactId));
        Assert.Equal(PossibleRecordState.Rejected, (await factory.WithDbAsync(db => db.PossibleExistingRecords.IgnoreQueryFilters().SingleAsync(r => r.Id == suggestion.Id))).State);
        var (a, b) = NotDuplicate.Order(suggestion.PersonId, child.Id);
        Assert.True(await factory.WithDbAsync(db => db.NotDuplicates.IgnoreQueryFilters().AnyAsync(n => n.PersonA == a && n.PersonB == b)));
        var (_, casePage) = await screener.GetPageAsync($"/Screening/{contactId}");
        Assert.DoesNotContain(casePage.QuerySelectorAll("[data-testid=possible-existing-record] a"), a => a.GetAttribute("href") == $"/Duplicates/Possible/{suggestion.Id}");

        // Deciding twice is refused in words, not a second write.
        var again = await screener.PostFormAsync($"/Duplicates/Possible/{suggestion.Id}", [], $"/Duplicates/Possible/{suggestion.Id}?handler=Confirm");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("already been decided", (await PageClient.ParseAsync(again)).QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(child.Id, await SubjectsAsync(contactId));
    }

    [Fact]
    public async Task AutomaticLink_UndoneByTheScreener_GivesTheContactItsOwnRecordAgain()
    {
        var child = await KnownChildAsync(4);
        var http = factory.CreateClient();
        var contactId = await PostAsync(http, await TokenAsync(http), Notice(child, withNhs: true));
        var link = await factory.WithDbAsync(db => db.PossibleExistingRecords.IgnoreQueryFilters().SingleAsync(r => r.ContactId == contactId));
        var screener = await ScreenerAsync();

        var undo = await screener.PostFormAsync($"/Duplicates/Possible/{link.Id}", [], $"/Duplicates/Possible/{link.Id}?handler=Undo");

        Assert.Equal(HttpStatusCode.Redirect, undo.StatusCode);
        var subjects = await SubjectsAsync(contactId);
        Assert.DoesNotContain(child.Id, subjects);
        Assert.Contains(link.PersonId, subjects);
        Assert.Equal(PossibleRecordState.Undone, (await factory.WithDbAsync(db => db.PossibleExistingRecords.IgnoreQueryFilters().SingleAsync(r => r.Id == link.Id))).State);
        Assert.Null(await factory.WithDbAsync(db => db.Persons.IgnoreQueryFilters().Where(p => p.Id == link.PersonId).Select(p => p.MergedIntoId).SingleAsync()));
    }

    [Fact]
    public async Task PossibleRecord_OfAnotherHub_IsNotFoundForAStokeScreener()
    {
        var child = await KnownChildAsync(5);
        var http = factory.CreateClient();
        var contactId = await PostAsync(http, await TokenAsync(http), Notice(child, withNhs: false));
        var suggestion = await factory.WithDbAsync(db => db.PossibleExistingRecords.IgnoreQueryFilters().SingleAsync(r => r.ContactId == contactId && r.CandidateId == child.Id));
        var stoke = new PageClient(factory.CreateBrowserlessClient());
        await stoke.SignInAsDemoAsync("stoke.screener");

        var (response, _) = await stoke.GetPageAsync($"/Duplicates/Possible/{suggestion.Id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(PossibleRecordState.Open, (await factory.WithDbAsync(db => db.PossibleExistingRecords.IgnoreQueryFilters().SingleAsync(r => r.Id == suggestion.Id))).State);
    }

    private async Task<PageClient> ScreenerAsync()
    {
        var screener = new PageClient(factory.CreateBrowserlessClient());
        await screener.SignInAsDemoAsync("staffs.screener");
        return screener;
    }

    private async Task<Guid> PostAsync(HttpClient http, string token, string json)
    {
        var response = await PostContactAsync(http, token, json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return Guid.Parse((await ReadJsonAsync(response))["id"]!.GetValue<string>());
    }

    private Task<List<Guid>> SubjectsAsync(Guid contactId) =>
        factory.WithDbAsync(db => db.ContactSubjects.IgnoreQueryFilters().Where(s => s.ContactId == contactId).Select(s => s.PersonId).ToListAsync());

    /// <summary>The n-th Staffordshire demo child with an NHS number, an address and an earlier contact.</summary>
    private Task<Known> KnownChildAsync(int n) => factory.WithDbAsync(async db =>
    {
        var hub = await db.Hubs.Where(h => h.Code == "STAFFS").Select(h => h.Id).SingleAsync();
        var children = await (from s in db.ContactSubjects.IgnoreQueryFilters()
                              join p in db.Persons.IgnoreQueryFilters().Include(p => p.Addresses) on s.PersonId equals p.Id
                              join c in db.Contacts.IgnoreQueryFilters() on s.ContactId equals c.Id
                              where s.HubId == hub && s.Role == SubjectRole.Child && p.NhsNumber != null && p.DateOfBirth != null && p.MergedIntoId == null
                              orderby p.FamilyName, p.GivenNames, c.Reference
                              select new { p, c.Reference }).ToListAsync();
        var distinct = children.Where(x => x.p.Addresses.Count > 0).GroupBy(x => x.p.Id).Select(g => g.First()).ToList();
        var pick = distinct[n];
        return new Known(pick.p.Id, pick.p.GivenNames, pick.p.FamilyName, pick.p.DateOfBirth!.Value, pick.p.NhsNumber!, pick.p.Addresses.First().Postcode, pick.Reference);
    });

    private static string Notice(Known child, bool withNhs) => JsonSerializer.Serialize(new
    {
        referrerName = "PC Demo Officer 4521",
        referrerRole = "Public protection unit",
        referrerAgency = "Staffordshire Police",
        referrerPhone = "01234 000999",
        concernCategories = new[] { "DomesticAbuse" },
        whatHappened = "Officers attended a domestic incident at the home; the child was present.",
        familyAware = true,
        familyConsented = false,
        noConsentReason = "Seeking consent would prejudice the child's protection",
        referrerSpokenTo = true,
        referralSource = "6",
        children = new[]
        {
            new
            {
                givenNames = child.GivenNames,
                familyName = child.FamilyName,
                dateOfBirth = child.DateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                sex = "U",
                nhsNumber = withNhs ? child.NhsNumber : null,
                postcode = child.Postcode,
            },
        },
    });
}
