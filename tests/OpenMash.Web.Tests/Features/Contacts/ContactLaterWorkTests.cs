using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Tests.Features.Screening;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Features.Contacts;

/// <summary>Work on a recorded contact: attachments added later (the worker told), and case notes (listed, audited, in the subject access export).</summary>
public sealed class ContactLaterWorkTests(OpenMashFactory factory) : IClassFixture<OpenMashFactory>
{
    private async Task<PageClient> SignInAsync(string user)
    {
        var client = new PageClient(factory.CreateBrowserlessClient());
        await client.SignInAsDemoAsync(user);
        return client;
    }

    private async Task<(Guid ContactId, Guid ChildId)> ContactAsync(string given)
    {
        var (contactId, people) = await FrontDoorData.ContactAsync(factory, await FrontDoorData.HubIdAsync(factory), [FrontDoorData.Child(given, "Laterwork")]);
        return (contactId, people[0]);
    }

    private static async Task<HttpResponseMessage> UploadAsync(PageClient client, Guid contactId, string fileName, byte[] content, Guid? personId = null)
    {
        var (_, form) = await client.GetPageAsync($"/Contacts/{contactId}/AddAttachment");
        using var body = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new StringContent(form.QuerySelector("main form input[name=__FormToken]")!.GetAttribute("value")!), "__FormToken" },
            { new StringContent(personId?.ToString() ?? string.Empty), "PersonId" },
            { new ByteArrayContent(content), "upload", fileName },
        };
        return await client.Http.PostAsync(new Uri($"/Contacts/{contactId}/AddAttachment", UriKind.Relative), body);
    }

    [Fact]
    public async Task AddAttachment_ToAScreenedContact_IsStoredListedAndTheScreenerIsAlerted()
    {
        var (contactId, childId) = await ContactAsync("Merlin");
        var screener = await SignInAsync("staffs.screener");
        Assert.Equal(HttpStatusCode.Redirect, (await screener.PostFormAsync($"/Screening/{contactId}", ScreeningTests.ScreeningForm(), $"/Screening/{contactId}?handler=Screen")).StatusCode);
        var manager = await SignInAsync("staffs.manager");

        var response = await UploadAsync(manager, contactId, "school-letter.pdf", Encoding.ASCII.GetBytes("%PDF-1.7 fictional letter from school"), childId);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await factory.WithDbAsync(db => db.ContactAttachments.IgnoreQueryFilters().SingleAsync(a => a.ContactId == contactId));
        Assert.Equal("school-letter.pdf", stored.FileName);
        Assert.Equal("application/pdf", stored.ContentType);
        Assert.Equal(childId, stored.PersonId);
        Assert.True(stored.AddedLater);
        var (_, details) = await manager.GetPageAsync($"/Contacts/{contactId}");
        var listed = details.QuerySelector("[data-testid=contact-attachments]")?.TextContent;
        Assert.Contains("school-letter.pdf", listed, StringComparison.Ordinal);
        Assert.Contains("about Merlin Laterwork", listed, StringComparison.Ordinal);
        var (_, record) = await manager.GetPageAsync($"/People/{childId}");
        Assert.Contains("school-letter.pdf", record.QuerySelector("[data-testid=person-attachments]")?.TextContent, StringComparison.Ordinal);
        var (_, timeline) = await manager.GetPageAsync($"/Screening/{contactId}/Timeline");
        Assert.Contains("Attachment added", timeline.QuerySelector("[data-testid=timeline]")?.TextContent, StringComparison.Ordinal);

        // The worker (whoever saved the screening, until contacts are allocated) is told: a reference and a link, no child's details.
        var alert = await factory.WithDbAsync(db => db.Outbox.IgnoreQueryFilters().SingleAsync(o => o.ContactId == contactId && o.Kind == MessageKinds.AttachmentAdded));
        Assert.Equal("staffs.screener@demo.openmash.example", alert.ToAddress);
        Assert.Equal($"/Screening/{contactId}", alert.LinkPath);
        Assert.Equal(stored.Id, alert.RecordId);
        Assert.DoesNotContain("Merlin", alert.Subject + alert.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("school-letter", alert.Subject + alert.Body, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.AddContactAttachment && e.TargetId == stored.Id.ToString() && e.UserName == "staffs.manager" && e.Subjects!.Contains(childId.ToString()))));
    }

    [Fact]
    public async Task AddAttachment_ToAnUnscreenedContact_AlertsTheHubsManagers()
    {
        var (contactId, _) = await ContactAsync("Kestrel");
        var screener = await SignInAsync("staffs.screener");

        var response = await UploadAsync(screener, contactId, "note.txt", Encoding.ASCII.GetBytes("Fictional: a note from the health visitor."));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var to = await factory.WithDbAsync(db => db.Outbox.IgnoreQueryFilters().Where(o => o.ContactId == contactId && o.Kind == MessageKinds.AttachmentAdded).Select(o => o.ToAddress).ToListAsync());
        Assert.Contains("staffs.manager@demo.openmash.example", to);
        Assert.DoesNotContain("staffs.screener@demo.openmash.example", to);
    }

    [Fact]
    public async Task AddAttachment_ToAnAllocatedContact_AlertsTheAllocatedWorker()
    {
        var (contactId, _) = await ContactAsync("Wagtail");
        var manager = await SignInAsync("staffs.manager");
        var senior = await factory.WithDbAsync(db => db.Users.SingleAsync(u => u.UserName == "staffs.senior"));
        await factory.WithDbAsync(async db =>
        {
            var contact = await db.Contacts.IgnoreQueryFilters().SingleAsync(c => c.Id == contactId);
            db.ContactAllocations.Add(contact.Allocate(senior, senior.Id, DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });

        var response = await UploadAsync(manager, contactId, "note.txt", Encoding.ASCII.GetBytes("Fictional: a note from the school nurse."));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var to = await factory.WithDbAsync(db => db.Outbox.IgnoreQueryFilters().Where(o => o.ContactId == contactId && o.Kind == MessageKinds.AttachmentAdded).Select(o => o.ToAddress).ToListAsync());
        Assert.Equal(["staffs.senior@demo.openmash.example"], to);
    }

    [Theory]
    [InlineData("fake.pdf", "not really a pdf")]
    [InlineData("tool.exe", "MZ fictional")]
    public async Task AddAttachment_OfAFalseOrRefusedType_ShowsTheErrorAndStoresNothing(string fileName, string content)
    {
        var (contactId, _) = await ContactAsync("Hobby");
        var screener = await SignInAsync("staffs.screener");

        var response = await UploadAsync(screener, contactId, fileName, Encoding.ASCII.GetBytes(content));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(fileName, (await PageClient.ParseAsync(response)).QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.ContactAttachments.IgnoreQueryFilters().AnyAsync(a => a.ContactId == contactId)));
        Assert.False(await factory.WithDbAsync(db => db.Outbox.IgnoreQueryFilters().AnyAsync(o => o.ContactId == contactId && o.Kind == MessageKinds.AttachmentAdded)));
    }

    [Fact]
    public async Task CaseNote_Added_IsListedNewestFirstOnTheContactPagesAndAudited()
    {
        var (contactId, childId) = await ContactAsync("Shrike");
        var screener = await SignInAsync("staffs.screener");
        var url = $"/Contacts/{contactId}/Notes";

        var first = await screener.PostFormAsync(url, [new("Text", "Fictional: rang the school, no answer.")]);
        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await screener.PostFormAsync(url, [new("Text", "Fictional: the school rang back; the child is in today.")]);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        foreach (var page in new[] { url, $"/Screening/{contactId}", $"/Contacts/{contactId}" })
        {
            var (_, document) = await screener.GetPageAsync(page);
            var notes = document.QuerySelectorAll("[data-testid=case-note]").Select(n => n.TextContent).ToList();
            Assert.Equal(2, notes.Count);
            Assert.Contains("the child is in today", notes[0], StringComparison.Ordinal);
            Assert.Contains("no answer", notes[1], StringComparison.Ordinal);
        }

        var (_, timeline) = await screener.GetPageAsync($"/Screening/{contactId}/Timeline");
        Assert.Contains("rang the school, no answer", timeline.QuerySelector("[data-testid=timeline]")?.TextContent, StringComparison.Ordinal);
        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.AddCaseNote && e.Detail == "contact " + contactId).ToListAsync());
        Assert.Equal(2, audit.Count);
        Assert.All(audit, e => Assert.Contains(childId.ToString(), e.Subjects, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CaseNote_WithoutText_ShowsTheErrorSummaryAndSavesNothing()
    {
        var (contactId, _) = await ContactAsync("Bittern");
        var screener = await SignInAsync("staffs.screener");

        var response = await screener.PostFormAsync($"/Contacts/{contactId}/Notes", [new("Text", " ")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter the case note", (await PageClient.ParseAsync(response)).QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.ContactNotes.IgnoreQueryFilters().AnyAsync(n => n.ContactId == contactId)));
    }

    [Theory]
    [InlineData("stoke.screener", HttpStatusCode.NotFound)]
    [InlineData("staffs.police", HttpStatusCode.Forbidden)]
    [InlineData("staffs.referrer", HttpStatusCode.Forbidden)]
    public async Task CaseNotes_OfAContactTheUserMayNotSee_AreRefused(string user, HttpStatusCode expected)
    {
        var (contactId, _) = await ContactAsync("Redpoll");
        var screener = await SignInAsync("staffs.screener");
        await screener.PostFormAsync($"/Contacts/{contactId}/Notes", [new("Text", "Fictional: a note only the hub may read.")]);
        var client = await SignInAsync(user);

        var response = await client.Http.GetAsync(new Uri($"/Contacts/{contactId}/Notes", UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
        Assert.DoesNotContain("a note only the hub may read", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CaseNoteAndAmendment_InTheSubjectAccessExport_AreIncludedWithTheReferrersDetailsWithheld()
    {
        var (contactId, childId) = await ContactAsync("Brambling");
        var screener = await SignInAsync("staffs.screener");
        await screener.PostFormAsync($"/Contacts/{contactId}/Notes", [new("Text", "Fictional: SAR note, the child's bike was returned.")]);
        var url = $"/Contacts/{contactId}/Amend";
        var fields = ContactAmendmentTests.With(await ContactAmendmentTests.FormAsync(screener, url), "ReferrerPhone", "07700 900456");
        fields = ContactAmendmentTests.With(ContactAmendmentTests.With(fields, "ChildsVoice", "Fictional: SAR test, amended child's words."), "Reason", "Fictional: SAR amendment reason.");
        Assert.Equal(HttpStatusCode.Redirect, (await screener.Http.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(fields))).StatusCode);
        var ig = await SignInAsync("staffs.ig");

        var (response, preview) = await ig.GetPageAsync($"/Access/SubjectAccess/{childId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = preview.QuerySelector("[data-testid=sar-preview]")!.TextContent;
        Assert.Contains("Fictional: SAR note, the child's bike was returned.", text, StringComparison.Ordinal);
        Assert.Contains("Fictional: SAR amendment reason.", text, StringComparison.Ordinal);
        Assert.Contains("Fictional: SAR test, amended child's words.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("07700 900456", text, StringComparison.Ordinal);
        Assert.DoesNotContain("01234 000999", text, StringComparison.Ordinal);
        Assert.Contains("the referrer's details, amended", preview.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
