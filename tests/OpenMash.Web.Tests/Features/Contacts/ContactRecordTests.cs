using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Features.Contacts;
using OpenMash.Web.Tests.Features.People;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Features.Contacts;

public sealed class ContactRecordTests(OpenMashFactory factory) : IClassFixture<OpenMashFactory>
{
    private async Task<PageClient> SignInAsync(string user)
    {
        var client = new PageClient(factory.CreateBrowserlessClient());
        await client.SignInAsDemoAsync(user);
        return client;
    }

    private async Task<(Contact Contact, Guid AttachmentId)> ContactWithAttachmentAsync()
    {
        var contact = await TestPeople.AddContactAsync(factory, "STAFFS", new ContactSource(), withAttachment: true);
        var attachmentId = await factory.WithDbAsync(db => db.ContactAttachments.IgnoreQueryFilters().Where(a => a.ContactId == contact.Id).Select(a => a.Id).SingleAsync());
        return (contact, attachmentId);
    }

    [Fact]
    public async Task Attachment_DownloadedByTheHubsCaseWorker_IsServedAsAnAttachmentAndAudited()
    {
        var (contact, attachmentId) = await ContactWithAttachmentAsync();
        var screener = await SignInAsync("staffs.screener");

        var response = await screener.Http.GetAsync(new Uri($"/Contacts/{contact.Id}/Attachments/{attachmentId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("note.pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var audit = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.DownloadContactAttachment && e.TargetId == attachmentId.ToString()));
        Assert.Equal("staffs.screener", audit.UserName);
        Assert.Equal(contact.Subjects.Single().PersonId.ToString(), audit.Subjects);
    }

    [Theory]
    [InlineData("staffs.referrer")]
    [InlineData("staffs.police")]
    public async Task Attachment_IsRefusedToReferrersAndResearchers_AndTheRefusalIsAudited(string user)
    {
        var (contact, attachmentId) = await ContactWithAttachmentAsync();
        var client = await SignInAsync(user);
        var path = $"/Contacts/{contact.Id}/Attachments/{attachmentId}";

        var response = await client.Http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("%PDF", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.AccessRefused && e.Outcome == AuditOutcome.Refused && e.UserName == user && e.TargetId == path)));
        Assert.False(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.DownloadContactAttachment && e.TargetId == attachmentId.ToString())));
    }

    [Fact]
    public async Task Attachment_OfAnotherHubsContact_IsNotFound()
    {
        var (contact, attachmentId) = await ContactWithAttachmentAsync();
        var stoke = await SignInAsync("stoke.screener");

        var response = await stoke.Http.GetAsync(new Uri($"/Contacts/{contact.Id}/Attachments/{attachmentId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.DownloadContactAttachment && e.TargetId == attachmentId.ToString())));
    }

    [Fact]
    public async Task ContactPage_IsRefusedToASchoolReferrer_EvenForTheirOwnReferral()
    {
        var referrerId = await TestPeople.UserIdAsync(factory, "staffs.referrer");
        var contact = await TestPeople.AddContactAsync(factory, "STAFFS", new ContactSource(ReferrerUserId: referrerId));
        var referrer = await SignInAsync("staffs.referrer");

        var response = await referrer.Http.GetAsync(new Uri($"/Contacts/{contact.Id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.AccessRefused && e.UserName == "staffs.referrer" && e.TargetId == $"/Contacts/{contact.Id}")));
    }

    [Fact]
    public async Task ContactPage_ShowsTheRecord_AndLinksToItsAttachment()
    {
        var (contact, attachmentId) = await ContactWithAttachmentAsync();
        var manager = await SignInAsync("staffs.manager");

        var (response, page) = await manager.GetPageAsync($"/Contacts/{contact.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contact.Reference, page.QuerySelector("h1[data-testid=contact-reference]")?.TextContent);
        Assert.Equal("Awaiting screening", page.QuerySelector("[data-testid=contact-state]")?.TextContent);
        Assert.Equal($"/Contacts/{contact.Id}/Attachments/{attachmentId}", page.QuerySelector("[data-testid=contact-attachments] a")?.GetAttribute("href"));
        Assert.Contains("arrived hungry", page.QuerySelector("main")?.TextContent, StringComparison.Ordinal);
    }
}
