using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Messaging;
using OpenMash.Web.Tests.Features.Screening;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Features.Messaging;

/// <summary>The embedded default (no Smtp:Host): messages become .eml files in the pickup folder, and the pages say so.</summary>
public sealed class PickupFolderTests : IClassFixture<PickupFolderTests.Factory>
{
    private readonly Factory _factory;

    public PickupFolderTests(Factory factory) => _factory = factory;

    public sealed class Factory : OpenMashFactory
    {
        public Factory() => Settings["Smtp:PickupDirectory"] = Folder;

        public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"openmash-pickup-{Guid.NewGuid():N}");

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing && Directory.Exists(Folder))
            {
                Directory.Delete(Folder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task NoMailServer_WritesEmlFiles_AndSaysWrittenToThePickupFolder()
    {
        var hub = await FrontDoorData.HubIdAsync(_factory);
        var subject = $"Pickup message {Guid.NewGuid():N}";
        await _factory.WithDbAsync(db =>
        {
            db.QueueEmails(hub, MessageKinds.AgreementNotice, ["someone@example.org"], subject, "A test message (fictional).", _factory.Clock.GetUtcNow().UtcDateTime, linkPath: "/Admin/Sharing");
            return db.SaveChangesAsync();
        });

        await _factory.Services.GetRequiredService<OutboxSender>().SendDueAsync();

        var files = Directory.GetFiles(_factory.Folder, "*.eml").Select(f => MimeMessage.Load(f)).ToList();
        var written = Assert.Single(files, m => m.Subject == subject);
        Assert.Equal("someone@example.org", Assert.Single(written.To.Mailboxes).Address);
        Assert.Contains("http://localhost:5080/Admin/Sharing", written.TextBody, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_factory.Folder, "*.tmp"));
        var message = await _factory.WithDbAsync(db => db.Outbox.IgnoreQueryFilters().SingleAsync(o => o.Subject == subject));
        Assert.Equal((DeliveryState.Sent, DeliveryRoute.PickupFolder), (message.State, message.Route));

        var admin = new PageClient(_factory.CreateBrowserlessClient());
        await admin.SignInAsDemoAsync("staffs.admin");
        var (response, outbox) = await admin.GetPageAsync("/Admin/Outbox");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("pickup folder", outbox.QuerySelector("[data-testid=route]")?.TextContent, StringComparison.Ordinal);
        var row = Assert.Single(outbox.QuerySelectorAll("[data-testid=message]"), r => r.GetAttribute("data-id") == message.Id.ToString());
        Assert.Contains("written to the pickup folder", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("accepted by the mail server", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueuedBodies_OfDemoAndNewMessages_NeverNameTheChild()
    {
        // Every message the application queued in the demo and in this class's journeys, against every child's name.
        var names = await _factory.WithDbAsync(db => db.Persons.IgnoreQueryFilters().Select(p => new { p.GivenNames, p.FamilyName }).ToListAsync());
        var bodies = await _factory.WithDbAsync(db => db.Outbox.IgnoreQueryFilters().Select(o => o.Subject + " " + o.Body).ToListAsync());

        Assert.NotEmpty(bodies);
        Assert.All(bodies, body => Assert.DoesNotContain(names, n => n.FamilyName.Length > 3 && body.Contains(n.FamilyName, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task AgencyEmail_Invalid_ShowsAnErrorSummaryAndAValidOneIsSaved()
    {
        var admin = new PageClient(_factory.CreateBrowserlessClient());
        await admin.SignInAsDemoAsync("staffs.admin");
        var agency = await FrontDoorData.AgencyIdAsync(_factory, "Oakbrook Primary School (demo)");

        var refused = await PageClient.ParseAsync(await admin.PostFormAsync($"/Admin/Agencies/Edit/{agency}", [new("Status", "active"), new("EmailAddress", "Oakbrook office")]));
        Assert.Contains("Enter an e-mail address in the correct format", refused.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.NotEqual("Oakbrook office", await _factory.WithDbAsync(db => db.Agencies.Where(a => a.Id == agency).Select(a => a.EmailAddress).SingleAsync()));

        var saved = await admin.PostFormAsync($"/Admin/Agencies/Edit/{agency}", [new("Status", "active"), new("EmailAddress", " dsl.office@oakbrook.example.org ")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("dsl.office@oakbrook.example.org", await _factory.WithDbAsync(db => db.Agencies.Where(a => a.Id == agency).Select(a => a.EmailAddress).SingleAsync()));
        var (_, list) = await admin.GetPageAsync("/Admin/Agencies");
        Assert.Contains(list.QuerySelectorAll("[data-testid=agency-email]"), c => c.TextContent == "dsl.office@oakbrook.example.org");
    }

    [Fact]
    public async Task AgencyCreate_WithABadAddress_IsRefusedWithAnErrorSummary()
    {
        var admin = new PageClient(_factory.CreateBrowserlessClient());
        await admin.SignInAsDemoAsync("staffs.admin");

        var page = await PageClient.ParseAsync(await admin.PostFormAsync("/Admin/Agencies/Create", [new("Name", "Mailless Youth Club (demo)"), new("Type", "Voluntary"), new("Lead", "no"), new("EmailAddress", "club@")]));

        Assert.Contains("Enter an e-mail address in the correct format", page.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.False(await _factory.WithDbAsync(db => db.Agencies.AnyAsync(a => a.Name == "Mailless Youth Club (demo)")));
    }
}
