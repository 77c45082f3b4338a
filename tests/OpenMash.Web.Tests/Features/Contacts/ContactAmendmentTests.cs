using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Tests.Features.Screening;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Features.Contacts;

/// <summary>Amending a recorded contact with a reason: kept before and after, on the timeline, audited; refused once decided or to another hub.</summary>
public sealed class ContactAmendmentTests(OpenMashFactory factory) : IClassFixture<OpenMashFactory>
{
    private async Task<PageClient> SignInAsync(string user)
    {
        var client = new PageClient(factory.CreateBrowserlessClient());
        await client.SignInAsDemoAsync(user);
        return client;
    }

    private async Task<(Guid ContactId, Guid ChildId)> ContactAsync(string given)
    {
        var (contactId, people) = await FrontDoorData.ContactAsync(factory, await FrontDoorData.HubIdAsync(factory), [FrontDoorData.Child(given, "Amendcase")]);
        return (contactId, people[0]);
    }

    /// <summary>The amend form's fields as a browser would send them (inputs, checked boxes, text areas, selects), with both tokens.</summary>
    public static async Task<List<KeyValuePair<string, string>>> FormAsync(PageClient client, string url)
    {
        var (response, page) = await client.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var form = page.QuerySelector("main form[method=post]")!;
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!) };
        foreach (var input in form.QuerySelectorAll("input").OfType<IHtmlInputElement>())
        {
            if (input.Name is { Length: > 0 } name && name != "__RequestVerificationToken" && (input.Type is not ("radio" or "checkbox") || input.IsChecked))
            {
                fields.Add(new(name, input.Value));
            }
        }

        fields.AddRange(form.QuerySelectorAll("textarea").OfType<IHtmlTextAreaElement>().Select(t => new KeyValuePair<string, string>(t.Name!, t.Value)));
        fields.AddRange(form.QuerySelectorAll("select").OfType<IHtmlSelectElement>().Select(s => new KeyValuePair<string, string>(s.Name!, s.Value ?? string.Empty)));
        return fields;
    }

    public static List<KeyValuePair<string, string>> With(List<KeyValuePair<string, string>> fields, string name, string value) =>
        [.. fields.Where(f => f.Key != name), new(name, value)];

    private static Task<HttpResponseMessage> PostAsync(PageClient client, string url, IEnumerable<KeyValuePair<string, string>> fields) =>
        client.Http.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(fields));

    [Fact]
    public async Task Amend_WithAReason_IsShownOnTheTimelineWithBeforeAndAfterAndAudited()
    {
        var (contactId, childId) = await ContactAsync("Wren");
        var screener = await SignInAsync("staffs.screener");
        var url = $"/Contacts/{contactId}/Amend";
        var fields = With(await FormAsync(screener, url), "WhatHappened", "The child arrived hungry on Monday and Tuesday only (fictional, corrected).");
        fields = With(fields, "Reason", "The referrer rang back: it was two days, not all week.");
        fields.Add(new("ConcernCategories", nameof(ConcernCategory.EmotionalAbuse)));

        var response = await PostAsync(screener, url, fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Contacts/{contactId}", response.Headers.Location?.OriginalString);
        var contact = await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().SingleAsync(c => c.Id == contactId));
        Assert.StartsWith("The child arrived hungry on Monday", contact.WhatHappened, StringComparison.Ordinal);
        Assert.Contains(ConcernCategory.EmotionalAbuse, contact.ConcernCategories);
        var amendment = await factory.WithDbAsync(db => db.ContactAmendments.IgnoreQueryFilters().Include(a => a.Changes).SingleAsync(a => a.ContactId == contactId));
        Assert.Equal(await FrontDoorData.UserIdAsync(factory, "staffs.screener"), amendment.AmendedByUserId);
        Assert.Equal([AmendedField.ConcernCategories, AmendedField.WhatHappened], amendment.Changes.Select(c => c.Field).Order().ToList());
        Assert.Contains(amendment.Changes, c => c.Field == AmendedField.WhatHappened && c.Before!.Contains("same clothes all week", StringComparison.Ordinal));

        // The page the amendment redirects to says it worked (the banner is shown once, on the next page).
        var (_, details) = await screener.GetPageAsync($"/Contacts/{contactId}");
        Assert.Contains($"Contact {contact.Reference} amended", details.QuerySelector("[data-testid=banner]")?.TextContent, StringComparison.Ordinal);
        var (_, timeline) = await screener.GetPageAsync($"/Screening/{contactId}/Timeline");
        var item = timeline.QuerySelectorAll("[data-testid=timeline] .moj-timeline__item").Single(i => i.TextContent.Contains("Contact amended", StringComparison.Ordinal));
        Assert.Contains("The referrer rang back: it was two days, not all week.", item.TextContent, StringComparison.Ordinal);
        Assert.Contains("What happened: The child arrived hungry and in the same clothes all week (fictional). changed to The child arrived hungry on Monday", item.TextContent, StringComparison.Ordinal);
        Assert.Contains("Concerns: Neglect changed to", item.TextContent, StringComparison.Ordinal);
        Assert.Contains("The referrer rang back", details.QuerySelector("[data-testid=amendment]")?.TextContent, StringComparison.Ordinal);

        var audit = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.AmendContact && e.TargetId == contactId.ToString()));
        Assert.Equal("staffs.screener", audit.UserName);
        Assert.Equal(AuditOutcome.Allowed, audit.Outcome);
        Assert.Contains(childId.ToString(), audit.Subjects, StringComparison.Ordinal);
        Assert.Contains("two days", audit.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Amend_WithoutAReason_ShowsTheErrorSummaryAndSavesNothing()
    {
        var (contactId, _) = await ContactAsync("Linnet");
        var screener = await SignInAsync("staffs.screener");
        var url = $"/Contacts/{contactId}/Amend";
        var fields = With(With(await FormAsync(screener, url), "WhatHappened", "Changed without saying why (fictional)."), "Reason", "  ");

        var response = await PostAsync(screener, url, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageClient.ParseAsync(response);
        Assert.Contains("Enter why the contact's details are being amended", page.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("#Reason", page.QuerySelector(".govuk-error-summary a")?.GetAttribute("href"));
        Assert.False(await factory.WithDbAsync(db => db.ContactAmendments.IgnoreQueryFilters().AnyAsync(a => a.ContactId == contactId)));
        Assert.Contains("same clothes all week", (await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().SingleAsync(c => c.Id == contactId))).WhatHappened, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.AmendContact && e.TargetId == contactId.ToString())));
    }

    [Fact]
    public async Task Amend_AfterTheDecision_IsRefusedInWordsAndSavesNothing()
    {
        var (contactId, _) = await ContactAsync("Siskin");
        var manager = await SignInAsync("staffs.manager");
        var url = $"/Contacts/{contactId}/Amend";
        var fields = With(With(await FormAsync(manager, url), "WhatHappened", "Changed after the decision (fictional)."), "Reason", "Trying after the decision.");
        await factory.WithDbAsync(async db =>
        {
            var contact = await db.Contacts.IgnoreQueryFilters().SingleAsync(c => c.Id == contactId);
            contact.RequestChecks(factory.Clock.GetUtcNow().UtcDateTime);
            contact.Decide(factory.Clock.GetUtcNow().UtcDateTime, factory.Clock.GetUtcNow().UtcDateTime.AddDays(1));
            return await db.SaveChangesAsync();
        });

        var response = await PostAsync(manager, url, fields);
        var (_, form) = await manager.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("has been decided and is closed", (await PageClient.ParseAsync(response)).QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("can no longer be amended", form.QuerySelector("[data-testid=amend-refused]")?.TextContent, StringComparison.Ordinal);
        Assert.Null(form.QuerySelector("main form[method=post]"));
        Assert.False(await factory.WithDbAsync(db => db.ContactAmendments.IgnoreQueryFilters().AnyAsync(a => a.ContactId == contactId)));
        Assert.Contains("same clothes all week", (await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().SingleAsync(c => c.Id == contactId))).WhatHappened, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Amend_ByAnotherHubsScreener_IsNotFoundAndAudited()
    {
        var (contactId, childId) = await ContactAsync("Dunnock");
        var stoke = await SignInAsync("stoke.screener");
        var url = $"/Contacts/{contactId}/Amend";
        var (_, own) = await stoke.GetPageAsync("/Contacts/New/received");
        var antiforgery = own.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var get = await stoke.Http.GetAsync(new Uri(url, UriKind.Relative));
        var post = await PostAsync(stoke, url, [new("__RequestVerificationToken", antiforgery), new("WhatHappened", "Another hub's change."), new("Reason", "Not mine to make.")]);

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.DoesNotContain("Dunnock", await get.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.ContactAmendments.IgnoreQueryFilters().AnyAsync(a => a.ContactId == contactId)));
        Assert.Equal(2, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.UserName == "stoke.screener" && e.Outcome == AuditOutcome.Refused && e.Subjects!.Contains(childId.ToString()))));
    }

    [Fact]
    public async Task Amend_TheChildsNameAndNhsNumber_CorrectsThePersonRecordForTheMatcher()
    {
        var (contactId, childId) = await ContactAsync("Pipit");
        var screener = await SignInAsync("staffs.screener");
        var url = $"/Contacts/{contactId}/Amend";
        var before = await factory.WithDbAsync(db => db.PersonChanges.IgnoreQueryFilters().MaxAsync(c => (long?)c.Id)) ?? 0;
        var nhs = People.TestPeople.NhsNumber(700_123_456);
        var fields = With(With(With(await FormAsync(screener, url), "People[0].GivenNames", "Pippa"), "People[0].NhsNumber", nhs), "Reason", "The school spelt the child's name wrongly and has now sent her NHS number.");

        var response = await PostAsync(screener, url, fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var person = await factory.WithDbAsync(db => db.Persons.IgnoreQueryFilters().SingleAsync(p => p.Id == childId));
        Assert.Equal("Pippa", person.GivenNames);
        Assert.Equal(nhs, person.NhsNumber);
        Assert.True(await factory.WithDbAsync(db => db.PersonChanges.IgnoreQueryFilters().AnyAsync(c => c.PersonId == childId && c.Id > before)));
        var changes = await factory.WithDbAsync(db => db.ContactFieldChanges.IgnoreQueryFilters().Where(c => c.PersonId == childId).ToListAsync());
        Assert.Contains(changes, c => c.Field == AmendedField.PersonGivenNames && c.Before == "Pipit" && c.After == "Pippa");
        Assert.Contains(changes, c => c.Field == AmendedField.PersonNhsNumber && c.Before == null);
        var (_, timeline) = await screener.GetPageAsync($"/Screening/{contactId}/Timeline");
        Assert.Contains("First name of Pippa Amendcase: Pipit changed to Pippa", timeline.QuerySelector("[data-testid=timeline]")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Amend_PostedTwiceWithOneFormToken_WritesOneAmendment()
    {
        var (contactId, _) = await ContactAsync("Twite");
        var screener = await SignInAsync("staffs.screener");
        var url = $"/Contacts/{contactId}/Amend";
        var fields = With(With(await FormAsync(screener, url), "ReferrerPhone", "01234 000777"), "Reason", "The referrer's number was mistyped.");
        Assert.Contains(fields, f => f.Key == "__FormToken");

        var first = await PostAsync(screener, url, fields);
        var second = await PostAsync(screener, url, fields);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, await factory.WithDbAsync(db => db.ContactAmendments.IgnoreQueryFilters().CountAsync(a => a.ContactId == contactId)));
        Assert.Equal(1, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.AmendContact && e.TargetId == contactId.ToString())));
    }

    [Fact]
    public async Task Amend_ThatChangesNothing_SaysSoAndSavesNothing()
    {
        var (contactId, _) = await ContactAsync("Bunting");
        var screener = await SignInAsync("staffs.screener");
        var url = $"/Contacts/{contactId}/Amend";

        var response = await PostAsync(screener, url, With(await FormAsync(screener, url), "Reason", "Nothing really."));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Nothing was changed", (await PageClient.ParseAsync(response)).QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.ContactAmendments.IgnoreQueryFilters().AnyAsync(a => a.ContactId == contactId)));
    }
}
