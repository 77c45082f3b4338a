using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Features.Contacts;
using OpenMash.Web.Tests.Features.People;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Features.Contacts;

public sealed partial class IntakeFlowTests(OpenMashFactory factory) : IClassFixture<OpenMashFactory>
{
    private async Task<PageClient> SignInAsync(string user)
    {
        var client = new PageClient(factory.CreateBrowserlessClient());
        await client.SignInAsDemoAsync(user);
        return client;
    }

    private static async Task PostStepAsync(PageClient client, string page, string expectedNext, params KeyValuePair<string, string>[] fields)
    {
        var response = await client.PostFormAsync(page, fields);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var doc = await PageClient.ParseAsync(response);
            Assert.Fail($"{page} did not move on: {doc.QuerySelector(".govuk-error-summary")?.TextContent}");
        }

        var next = response.Headers.Location?.OriginalString;
        if (next?.StartsWith("/Contacts/New/Match/", StringComparison.Ordinal) == true && !expectedNext.StartsWith("/Contacts/New/Match/", StringComparison.Ordinal))
        {
            // People recorded by earlier tests are offered as possible matches; these tests describe someone new.
            response = await client.PostFormAsync(next, [new("Choice", "new")]);
            next = response.Headers.Location?.OriginalString;
        }

        Assert.Equal(expectedNext, next);
    }

    private static async Task FillEverythingAsync(PageClient client, string nhs)
    {
        await PostStepAsync(client, "/Contacts/New/received", "/Contacts/New/referrer",
            new("Channel", "Phone"), new("ReceivedDate.Day", "2"), new("ReceivedDate.Month", "3"), new("ReceivedDate.Year", "2025"), new("ReceivedTime", "09:15"));
        await PostStepAsync(client, "/Contacts/New/referrer", "/Contacts/New/children",
            new("ReferrerName", "Sam Fictional"), new("ReferrerRole", "Teacher"), new("ReferrerAgency", "Oakbrook Primary School (demo)"),
            new("ReferrerPhone", "01234 000222"), new("ReferralSource", "Schools"));
        await PostStepAsync(client, "/Contacts/New/children/0", "/Contacts/New/children",
            new("GivenNames", "Poppy"), new("FamilyName", "Flowtest"), new("DateOfBirth.Day", "14"), new("DateOfBirth.Month", "7"), new("DateOfBirth.Year", "2016"),
            new("Sex", "F"), new("NhsNumber", nhs), new("Postcode", "ST16 2LH"), new("EthnicityCode", "WBRI"));
        await PostStepAsync(client, "/Contacts/New/children/1", "/Contacts/New/children",
            new("GivenNames", "Baby"), new("FamilyName", "Flowtest"), new("ExpectedDeliveryDate.Day", "1"), new("ExpectedDeliveryDate.Month", DateTime.UtcNow.AddMonths(3).Month.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("ExpectedDeliveryDate.Year", DateTime.UtcNow.AddMonths(3).Year.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Sex", "U"));
        await PostStepAsync(client, "/Contacts/New/children", "/Contacts/New/adults", [new("command", "continue")]);
        await PostStepAsync(client, "/Contacts/New/adults/0", "/Contacts/New/adults",
            new("Role", "HouseholdMember"), new("GivenNames", "Alex"), new("FamilyName", "Flowtest"));
        await PostStepAsync(client, "/Contacts/New/adults", "/Contacts/New/concerns", [new("command", "continue")]);
        await PostStepAsync(client, "/Contacts/New/concerns", "/Contacts/New/details", new("Concerns", "Neglect"), new("Concerns", "DomesticAbuse"));
        await PostStepAsync(client, "/Contacts/New/details", "/Contacts/New/consent",
            new("WhatHappened", "Fictional: Poppy said there was shouting at home and no food."), new("ChildsVoice", "I am scared at night."));
        await PostStepAsync(client, "/Contacts/New/consent", "/Contacts/New/attachments",
            new("FamilyAware", "no"), new("FamilyConsented", "no"), new("NoConsentReason", "Asking would put the child at risk."), new("ReferrerSpokenTo", "yes"));
        await PostStepAsync(client, "/Contacts/New/attachments", "/Contacts/New/check", [new("command", "continue")]);
    }

    [Fact]
    public async Task AMisspelledChildWithDayAndMonthSwapped_IsOfferedAsALikelyMatch_AndChoosingItLinksTheContactToThatChild()
    {
        var client = await SignInAsync("stoke.manager");
        var manager = await TestPeople.UserIdAsync(factory, "stoke.manager");
        await factory.WithDbAsync(db => db.ContactDrafts.IgnoreQueryFilters().Where(d => d.UserId == manager).ExecuteDeleteAsync());
        var known = await TestPeople.AddContactAsync(factory, "STOKE", new ContactSource(), childGivenName: "Philippa");
        var child = await factory.WithDbAsync(db => db.ContactSubjects.IgnoreQueryFilters().Where(s => s.ContactId == known.Id && s.Role == SubjectRole.Child)
            .Join(db.Persons.IgnoreQueryFilters().Include(p => p.Addresses), s => s.PersonId, p => p.Id, (s, p) => p).SingleAsync());
        var dob = child.DateOfBirth!.Value;
        Assert.True(dob.Day <= 12 && dob.Day != dob.Month, "the test child needs a day that can be read as a month");

        await PostStepAsync(client, "/Contacts/New/received", "/Contacts/New/referrer",
            new("Channel", "Phone"), new("ReceivedDate.Day", "2"), new("ReceivedDate.Month", "3"), new("ReceivedDate.Year", "2025"), new("ReceivedTime", "09:15"));
        var response = await client.PostFormAsync("/Contacts/New/children/0",
        [
            new("GivenNames", "Philipa"), new("FamilyName", child.FamilyName), new("Sex", child.Sex.ToString()),
            new("DateOfBirth.Day", dob.Month.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("DateOfBirth.Month", dob.Day.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("DateOfBirth.Year", dob.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ]);
        Assert.Equal("/Contacts/New/Match/children/0", response.Headers.Location?.OriginalString);

        var (_, page) = await client.GetPageAsync("/Contacts/New/Match/children/0");
        var option = page.QuerySelectorAll(".govuk-radios__item").Single(i => i.QuerySelector("input")!.GetAttribute("value") == child.Id.ToString());
        Assert.Contains("likely match", option.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(page.QuerySelectorAll("[data-testid=match-evidence] tbody tr"));
        response = await client.PostFormAsync("/Contacts/New/Match/children/0", [new("Choice", child.Id.ToString())]);
        Assert.Equal("/Contacts/New/children", response.Headers.Location?.OriginalString);

        var (_, check) = await client.GetPageAsync("/Contacts/New/check");
        Assert.Contains("Existing record: Philipa", check.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.ViewPossibleMatches && e.UserName == "stoke.manager" && e.Subjects!.Contains(child.Id.ToString()))));
        await factory.WithDbAsync(db => db.ContactDrafts.IgnoreQueryFilters().Where(d => d.UserId == manager).ExecuteDeleteAsync());
    }

    [Fact]
    public async Task StaffFlow_PostedStepByStep_RecordsTheContactAwaitingScreeningWithItsPeopleAndAuditRows()
    {
        var client = await SignInAsync("staffs.screener");
        var nhs = TestPeople.NhsNumber(700_000_001);
        await FillEverythingAsync(client, nhs);

        var (_, check) = await client.GetPageAsync("/Contacts/New/check");
        Assert.Contains("Poppy Flowtest", check.QuerySelector("main")?.TextContent, StringComparison.Ordinal);
        Assert.Contains(check.QuerySelectorAll(".govuk-summary-list__actions a"), a => a.GetAttribute("href") == "/Contacts/New/consent");
        var submit = await client.PostFormAsync("/Contacts/New/check", []);

        Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        var id = Guid.Parse(submit.Headers.Location!.OriginalString.Split('/')[^1]);
        var contact = await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().Include(c => c.Subjects).SingleAsync(c => c.Id == id));
        Assert.Equal(ContactState.AwaitingScreening, contact.State);
        Assert.Matches(ReferencePattern(), contact.Reference);
        Assert.Equal(ContactChannel.Phone, contact.Channel);
        Assert.Equal([ConcernCategory.Neglect, ConcernCategory.DomesticAbuse], contact.ConcernCategories);
        Assert.Equal(false, contact.FamilyConsented);
        Assert.Equal(await TestPeople.UserIdAsync(factory, "staffs.screener"), contact.RecordedByUserId);
        Assert.Equal(2, contact.Subjects.Count(s => s.Role == SubjectRole.Child));
        Assert.Single(contact.Subjects, s => s.Role == SubjectRole.HouseholdMember);
        Assert.True(await factory.WithDbAsync(db => db.Persons.IgnoreQueryFilters().AnyAsync(p => p.NhsNumber == nhs && contact.Subjects.Select(s => s.PersonId).Contains(p.Id))));
        var created = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.Created(nameof(Contact)) && e.TargetId == id.ToString()));
        Assert.Equal("staffs.screener", created.UserName);
        Assert.All(contact.Subjects, s => Assert.Contains(s.PersonId.ToString(), created.Subjects, StringComparison.Ordinal));
        Assert.False(await factory.WithDbAsync(db => db.ContactDrafts.IgnoreQueryFilters().AnyAsync(d => d.UserId == contact.RecordedByUserId)));

        var (_, done) = await client.GetPageAsync(submit.Headers.Location!.OriginalString);
        Assert.Equal(contact.Reference, done.QuerySelector("[data-testid=contact-reference]")?.TextContent);
        var (view, record) = await client.GetPageAsync($"/Contacts/{id}");
        Assert.Equal(HttpStatusCode.OK, view.StatusCode);
        Assert.Equal(3, record.QuerySelectorAll("[data-testid=contact-people] tbody a").Length);
        var viewed = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.ViewContact && e.TargetId == id.ToString()));
        Assert.Equal("Screening", viewed.Purpose);
        Assert.All(contact.Subjects, s => Assert.Contains(s.PersonId.ToString(), viewed.Subjects, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Submit_WithNothingAnswered_ListsEveryProblemAndStoresNothing()
    {
        var client = await SignInAsync("stoke.screener");
        var (_, received) = await client.GetPageAsync("/Contacts/New/received");
        var day = received.QuerySelector("#ReceivedDate")?.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(day));
        await client.PostFormAsync("/Contacts/New/received", [new("ReceivedDate.Day", ""), new("ReceivedTime", "")]);
        var before = await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().CountAsync());

        var page = await PageClient.ParseAsync(await client.PostFormAsync("/Contacts/New/check", []));

        var problems = page.QuerySelectorAll(".govuk-error-summary__list a").Select(a => (a.GetAttribute("href"), a.TextContent)).ToList();
        foreach (var step in new[] { "received", "referrer", "children", "concerns", "details", "consent" })
        {
            Assert.Contains(problems, p => p.Item1 == "/Contacts/New/" + step);
        }

        Assert.Contains(problems, p => p.TextContent == "Enter the referrer's name");
        Assert.Contains(problems, p => p.TextContent == "Add at least one child");
        Assert.Contains(problems, p => p.TextContent == "Select at least one concern");
        Assert.Contains(problems, p => p.TextContent == "Enter what happened");
        Assert.Contains(problems, p => p.TextContent == "Select whether the family knows about this contact");
        Assert.Equal(before, await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().CountAsync()));
    }

    [Fact]
    public async Task ChildStep_ListsEveryProblemInFormOrder_AndAddsNoChild()
    {
        var client = await SignInAsync("staffs.manager");
        await PostStepAsync(client, "/Contacts/New/received", "/Contacts/New/referrer", new("Channel", "Email"), new("ReceivedDate.Day", "2"), new("ReceivedDate.Month", "3"), new("ReceivedDate.Year", "2025"), new("ReceivedTime", "10:00"));

        var page = await PageClient.ParseAsync(await client.PostFormAsync("/Contacts/New/children/0",
            [new("NhsNumber", TestPeople.NhsNumber(700_000_002)[..9] + "X"), new("Upn", "A123"), new("DateOfBirth.Day", "30"), new("DateOfBirth.Month", "2"), new("DateOfBirth.Year", "2016")]));

        Assert.Equal(["#GivenNames", "#FamilyName", "#DateOfBirth", "#Sex", "#NhsNumber", "#Upn"], page.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")).ToList());
        var (_, list) = await client.GetPageAsync("/Contacts/New/check");
        Assert.Contains(list.QuerySelectorAll(".govuk-summary-list__key"), k => k.TextContent == "Children");
    }

    [Fact]
    public async Task Draft_SurvivesSigningOutAndIn_AndIsResumedFromTheStartPage()
    {
        var client = await SignInAsync("staffs.screener");
        await client.PostFormAsync("/Contacts/New", [new("command", "discard")]);
        await PostStepAsync(client, "/Contacts/New/received", "/Contacts/New/referrer", new("Channel", "InPerson"), new("ReceivedDate.Day", "2"), new("ReceivedDate.Month", "3"), new("ReceivedDate.Year", "2025"), new("ReceivedTime", "11:00"));
        await PostStepAsync(client, "/Contacts/New/referrer", "/Contacts/New/children", new("ReferrerName", "Jo Draftkeeper"), new("ReferrerEmail", "jo@example.org"), new("ReferralSource", "Acquaintance"));

        await client.PostFormAsync("/", [], action: "/Account/SignOut");
        Assert.Equal(HttpStatusCode.Redirect, (await client.Http.GetAsync(new Uri("/Contacts/New", UriKind.Relative))).StatusCode);
        await client.SignInAsDemoAsync("staffs.screener");

        var (_, start) = await client.GetPageAsync("/Contacts/New");
        Assert.Contains("Jo Draftkeeper", start.QuerySelector("[data-testid=draft]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("/Contacts/New/children", start.QuerySelector("a.govuk-button")?.GetAttribute("href"));
        var (_, referrer) = await client.GetPageAsync("/Contacts/New/referrer");
        Assert.Equal("Jo Draftkeeper", referrer.QuerySelector("#ReferrerName")?.GetAttribute("value"));
        Assert.Equal("jo@example.org", referrer.QuerySelector("#ReferrerEmail")?.GetAttribute("value"));
    }

    [Theory]
    [InlineData("tool.exe", "MZ fictional program")]
    [InlineData("report.pdf", "this is not a PDF")]
    public async Task Attachment_OfARefusedTypeOrFalseName_IsRefusedAndNotKept(string fileName, string content)
    {
        var client = await SignInAsync("staffs.screener");
        await PostStepAsync(client, "/Contacts/New/received", "/Contacts/New/referrer", new("Channel", "Phone"), new("ReceivedDate.Day", "2"), new("ReceivedDate.Month", "3"), new("ReceivedDate.Year", "2025"), new("ReceivedTime", "11:00"));

        var page = await UploadAsync(client, fileName, System.Text.Encoding.ASCII.GetBytes(content));

        Assert.Contains(fileName, page!.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[data-testid=attachments-added]"));
    }

    [Fact]
    public async Task CheckYourAnswers_SentTwiceAtOnceWithOneFormToken_RecordsOneContactAndSendsBothCopiesToIt()
    {
        var client = await SignInAsync("staffs.screener");
        await FillEverythingAsync(client, TestPeople.NhsNumber(700_000_011));
        var before = await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().CountAsync());
        var (antiforgery, once) = await client.FormTokensAsync("/Contacts/New/check");
        FormUrlEncodedContent Form() => new([new("__RequestVerificationToken", antiforgery), new("__FormToken", once)]);

        // A double click: both copies of the one form arrive together.
        var copies = await Task.WhenAll(
            client.Http.PostAsync(new Uri("/Contacts/New/check", UriKind.Relative), Form()),
            client.Http.PostAsync(new Uri("/Contacts/New/check", UriKind.Relative), Form()));

        Assert.All(copies, c => Assert.Equal(HttpStatusCode.Redirect, c.StatusCode));
        Assert.Equal(copies[0].Headers.Location, copies[1].Headers.Location);
        Assert.StartsWith("/Contacts/", copies[0].Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(before + 1, await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().CountAsync()));

        // Sent again later (the browser's back button and resubmit): the result of the first, nothing written.
        var later = await client.Http.PostAsync(new Uri("/Contacts/New/check", UriKind.Relative), Form());
        Assert.Equal(copies[0].Headers.Location, later.Headers.Location);
        Assert.Equal(before + 1, await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().CountAsync()));
    }

    [Fact]
    public async Task FormToken_AfterTheFormCameBackWithErrors_SendsTheCorrectedFormAndNeverAnotherUsersResult()
    {
        var client = await SignInAsync("staffs.manager");
        var (antiforgery, once) = await client.FormTokensAsync("/Contacts/New/received");
        FormUrlEncodedContent Received(string antiforgeryToken, string day) => new(
            [new("__RequestVerificationToken", antiforgeryToken), new("__FormToken", once), new("Channel", "Phone"), new("ReceivedDate.Day", day), new("ReceivedDate.Month", "2"), new("ReceivedDate.Year", "2025"), new("ReceivedTime", "09:15")]);

        var wrong = await client.Http.PostAsync(new Uri("/Contacts/New/received", UriKind.Relative), Received(antiforgery, "31"));
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.NotNull((await PageClient.ParseAsync(wrong)).QuerySelector(".govuk-error-summary"));

        var corrected = await client.Http.PostAsync(new Uri("/Contacts/New/received", UriKind.Relative), Received(antiforgery, "3"));
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        Assert.Equal("/Contacts/New/referrer", corrected.Headers.Location?.OriginalString);

        // Someone else replaying the token is not shown where the first user's form went.
        var other = await SignInAsync("staffs.screener");
        var (otherAntiforgery, _) = await other.FormTokensAsync("/Contacts/New/received");
        var replayed = await other.Http.PostAsync(new Uri("/Contacts/New/received", UriKind.Relative), Received(otherAntiforgery, "3"));
        Assert.Equal(HttpStatusCode.BadRequest, replayed.StatusCode);
        Assert.Null(replayed.Headers.Location);
    }

    [Fact]
    public async Task Attachment_ThatIsARealPdf_IsKeptInTheDraftAndStoredWithTheContact()
    {
        var client = await SignInAsync("stoke.manager");
        await FillEverythingAsync(client, TestPeople.NhsNumber(700_000_003));

        var upload = await UploadAsync(client, "letter.pdf", System.Text.Encoding.ASCII.GetBytes("%PDF-1.7 fictional letter"), expectRedirect: true);
        Assert.Null(upload);
        var submit = await client.PostFormAsync("/Contacts/New/check", []);

        var id = Guid.Parse(submit.Headers.Location!.OriginalString.Split('/')[^1]);
        var stored = await factory.WithDbAsync(db => db.ContactAttachments.IgnoreQueryFilters().SingleAsync(a => a.ContactId == id));
        Assert.Equal("letter.pdf", stored.FileName);
        Assert.Equal("application/pdf", stored.ContentType);
    }

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument?> UploadAsync(PageClient client, string fileName, byte[] content, bool expectRedirect = false)
    {
        var (_, form) = await client.GetPageAsync("/Contacts/New/attachments");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var body = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("upload"), "command" },
            { new ByteArrayContent(content), "upload", fileName },
        };
        var response = await client.Http.PostAsync(new Uri("/Contacts/New/attachments", UriKind.Relative), body);
        if (expectRedirect)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            return null;
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await PageClient.ParseAsync(response);
    }

    [GeneratedRegex(@"^STAFFS-\d{4}-\d{6}$")]
    private static partial Regex ReferencePattern();
}
