using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Messaging;
using OpenMash.Web.Tests.Features.Screening;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Features.Messaging;

/// <summary>The outbox sender against a real SMTP server started in the test, on the factory's fake clock.</summary>
public sealed class OutboxSenderTests(SmtpFactory factory) : IClassFixture<SmtpFactory>
{
    private OutboxSender Sender => factory.Services.GetRequiredService<OutboxSender>();

    [Fact]
    public async Task ApprovedFeedback_DeliveredToTheServer_IsRecordedAsSentOnlyThen()
    {
        await using var server = new TestSmtpServer(factory.Port);
        await server.StartAsync();
        var (contactId, reference) = await ApprovedContactAsync("Bryony", "Mailtest");

        // Approved: queued, not sent; the contact and its case page say so.
        Assert.Null((await ContactAsync(contactId)).FeedbackSentAtUtc);
        var manager = await SignInAsync("staffs.manager");
        var (_, before) = await manager.GetPageAsync($"/Screening/{contactId}");
        Assert.Contains("queued at", before.QuerySelector("[data-testid=feedback]")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("not yet sent", before.QuerySelector("[data-testid=feedback]")!.TextContent, StringComparison.Ordinal);
        var (_, timelineBefore) = await manager.GetPageAsync($"/Screening/{contactId}/Timeline");
        Assert.DoesNotContain("Feedback sent to the referrer", timelineBefore.Body!.TextContent, StringComparison.Ordinal);

        await Sender.SendDueAsync();

        var delivered = Assert.Single(server.Received, m => m.Subject?.Contains(reference, StringComparison.Ordinal) == true);
        Assert.Equal("dsl@oakbrook.example.org", Assert.Single(delivered.To.Mailboxes).Address);
        Assert.Contains(reference, delivered.TextBody, StringComparison.Ordinal);
        Assert.Contains("contact the hub", delivered.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Bryony", delivered.TextBody + delivered.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("Mailtest", delivered.TextBody + delivered.Subject, StringComparison.Ordinal);
        var message = await FeedbackAsync(contactId);
        Assert.Equal(DeliveryState.Sent, message.State);
        Assert.Equal(DeliveryRoute.MailServer, message.Route);
        Assert.Equal(message.SentAtUtc, (await ContactAsync(contactId)).FeedbackSentAtUtc);
        var (_, after) = await manager.GetPageAsync($"/Screening/{contactId}");
        Assert.Contains("accepted by the mail server", after.QuerySelector("[data-testid=feedback]")?.TextContent, StringComparison.Ordinal);
        var (_, timeline) = await manager.GetPageAsync($"/Screening/{contactId}/Timeline");
        Assert.Contains("Feedback sent to the referrer", timeline.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerDown_ThenBack_RetriesAndSendsOnce()
    {
        var (contactId, reference) = await ApprovedContactAsync("Hazel", "Downtime");

        // Nothing listens: the attempt fails, the message waits, nothing is recorded as sent.
        Assert.Equal(0, await Sender.SendDueAsync());
        var waiting = await FeedbackAsync(contactId);
        Assert.Equal(DeliveryState.Queued, waiting.State);
        Assert.Equal(1, waiting.Attempts);
        Assert.Contains("could not be reached", waiting.LastError, StringComparison.Ordinal);
        Assert.True(waiting.NextAttemptAtUtc > factory.Clock.GetUtcNow().UtcDateTime);
        Assert.Null((await ContactAsync(contactId)).FeedbackSentAtUtc);

        await using var server = new TestSmtpServer(factory.Port);
        await server.StartAsync();

        // Not yet due: the back-off holds it.
        await Sender.SendDueAsync();
        Assert.DoesNotContain(server.Received, m => m.Subject?.Contains(reference, StringComparison.Ordinal) == true);

        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await Sender.SendDueAsync();
        await Sender.SendDueAsync();
        factory.Clock.Advance(TimeSpan.FromHours(1));
        await Sender.SendDueAsync();

        Assert.Single(server.Received, m => m.Subject?.Contains(reference, StringComparison.Ordinal) == true);
        var sent = await FeedbackAsync(contactId);
        Assert.Equal(DeliveryState.Sent, sent.State);
        Assert.Equal(2, sent.Attempts);
        Assert.NotNull((await ContactAsync(contactId)).FeedbackSentAtUtc);
    }

    [Fact]
    public async Task RejectedRecipient_FailsAtOnce_ShownToManagersAndAdministrators()
    {
        await using var server = new TestSmtpServer(factory.Port);
        await server.StartAsync();
        var (contactId, reference) = await ApprovedContactAsync("Rowan", "Refused", referrerEmail: "rejected.referrer@example.org");

        await Sender.SendDueAsync();

        var failed = await FeedbackAsync(contactId);
        Assert.Equal(DeliveryState.Failed, failed.State);
        Assert.Equal(1, failed.Attempts);
        Assert.Contains("refused the address rejected.referrer@example.org", failed.LastError, StringComparison.Ordinal);
        Assert.Contains("550", failed.LastError, StringComparison.Ordinal);
        Assert.Null((await ContactAsync(contactId)).FeedbackSentAtUtc);
        Assert.DoesNotContain(server.Received, m => m.Subject?.Contains(reference, StringComparison.Ordinal) == true);

        // Given up: a later pass leaves it alone.
        factory.Clock.Advance(TimeSpan.FromHours(2));
        await Sender.SendDueAsync();
        Assert.Equal(1, (await FeedbackAsync(contactId)).Attempts);

        var manager = await SignInAsync("staffs.manager");
        var (_, casePage) = await manager.GetPageAsync($"/Screening/{contactId}");
        Assert.Contains("could not be sent: the mail server refused the address", casePage.QuerySelector("[data-testid=feedback]")?.TextContent, StringComparison.Ordinal);
        var (_, home) = await manager.GetPageAsync("/");
        Assert.Contains(home.QuerySelectorAll("[data-testid=failed-email]"), li => li.TextContent.Contains(reference, StringComparison.Ordinal));

        // The administrator sees why in the outbox, and sends it again once the address is put right elsewhere.
        var admin = await SignInAsync("staffs.admin");
        var (_, home2) = await admin.GetPageAsync("/");
        Assert.NotNull(home2.QuerySelector("[data-testid=outbox-failures]"));
        var (response, outbox) = await admin.GetPageAsync("/Admin/Outbox");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = Assert.Single(outbox.QuerySelectorAll("[data-testid=message]"), r => r.GetAttribute("data-id") == failed.Id.ToString());
        Assert.Contains("Could not be sent: the mail server refused the address", row.TextContent, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.ViewOutbox && a.UserName == "staffs.admin")));

        var resend = await admin.PostFormAsync("/Admin/Outbox", [new("id", failed.Id.ToString())], "/Admin/Outbox?handler=Resend");
        Assert.Equal(HttpStatusCode.Redirect, resend.StatusCode);
        var requeued = await FeedbackAsync(contactId);
        Assert.Equal(DeliveryState.Queued, requeued.State);
        Assert.Equal(0, requeued.Attempts);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.ResendEmail && a.TargetId == failed.Id.ToString() && a.UserName == "staffs.admin")));
    }

    [Fact]
    public async Task Resend_OfAnotherHubsMessage_IsRefused()
    {
        var stoke = await FrontDoorData.HubIdAsync(factory, "STOKE");
        var id = await QueueAsync(stoke, "stoke.someone@example.org", "Stoke-only message");
        await factory.WithDbAsync(db => db.Outbox.IgnoreQueryFilters().Where(o => o.Id == id).ExecuteUpdateAsync(s => s.SetProperty(o => o.State, DeliveryState.Failed)));
        var admin = await SignInAsync("staffs.admin");

        var response = await admin.PostFormAsync("/Admin/Outbox", [new("id", id.ToString())], "/Admin/Outbox?handler=Resend");

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Forbidden });
        Assert.Equal(DeliveryState.Failed, await factory.WithDbAsync(db => db.Outbox.IgnoreQueryFilters().Where(o => o.Id == id).Select(o => o.State).SingleAsync()));
    }

    [Fact]
    public async Task TwoSenders_OverOneDatabase_NeverSendOneMessageTwice()
    {
        await using var second = OpenMashFactory.SharingDatabaseWith(factory);
        SmtpFactory.Point(second, factory.Port);
        _ = second.Services;
        await using var server = new TestSmtpServer(factory.Port);
        await server.StartAsync();
        var hub = await FrontDoorData.HubIdAsync(factory);
        var subjects = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            var subject = $"Race message {i} {Guid.NewGuid():N}";
            subjects.Add(subject);
            await QueueAsync(hub, $"race{i}@example.org", subject);
        }

        var a = factory.Services.GetRequiredService<OutboxSender>();
        var b = second.Services.GetRequiredService<OutboxSender>();
        var counts = await Task.WhenAll(a.SendDueAsync(), b.SendDueAsync(), a.SendDueAsync(), b.SendDueAsync());
        var more = await Task.WhenAll(a.SendDueAsync(), b.SendDueAsync());

        foreach (var subject in subjects)
        {
            Assert.Single(server.Received, m => m.Subject == subject);
        }

        var states = await factory.WithDbAsync(db => db.Outbox.IgnoreQueryFilters().Where(o => subjects.Contains(o.Subject)).Select(o => new { o.State, o.Attempts }).ToListAsync());
        Assert.All(states, s => Assert.Equal((DeliveryState.Sent, 1), (s.State, s.Attempts)));
        // Everything else due (the demo's queued notices) went once too: no message id arrived twice.
        Assert.Equal(server.Received.Count, server.Received.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(server.Received.Count, counts.Sum() + more.Sum());
    }

    [Fact]
    public async Task ExpiredLease_OfACrashedSender_IsClaimedAgain()
    {
        await using var server = new TestSmtpServer(factory.Port);
        await server.StartAsync();
        var hub = await FrontDoorData.HubIdAsync(factory);
        var subject = $"Crashed mid-send {Guid.NewGuid():N}";
        var id = await QueueAsync(hub, "crash@example.org", subject);
        var now = factory.Clock.GetUtcNow().UtcDateTime;

        // Another instance claimed it and died: its lease holds the message until it runs out.
        await factory.WithDbAsync(db => db.Outbox.IgnoreQueryFilters().Where(o => o.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(o => o.State, DeliveryState.Sending).SetProperty(o => o.LeaseOwner, Guid.NewGuid())
            .SetProperty(o => o.LeaseUntilUtc, now.AddMinutes(5)).SetProperty(o => o.Attempts, 1)));
        await Sender.SendDueAsync();
        Assert.DoesNotContain(server.Received, m => m.Subject == subject);

        factory.Clock.Advance(TimeSpan.FromMinutes(6));
        await Sender.SendDueAsync();

        Assert.Single(server.Received, m => m.Subject == subject);
        var message = await factory.WithDbAsync(db => db.Outbox.IgnoreQueryFilters().SingleAsync(o => o.Id == id));
        Assert.Equal((DeliveryState.Sent, 2), (message.State, message.Attempts));
        Assert.Null(message.LeaseOwner);
    }

    private async Task<PageClient> SignInAsync(string user)
    {
        var client = new PageClient(factory.CreateBrowserlessClient());
        await client.SignInAsDemoAsync(user);
        return client;
    }

    private Task<Contact> ContactAsync(Guid contactId) =>
        factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.Id == contactId));

    private Task<OutboxMessage> FeedbackAsync(Guid contactId) =>
        factory.WithDbAsync(db => db.Outbox.IgnoreQueryFilters().AsNoTracking().SingleAsync(o => o.ContactId == contactId && o.Kind == MessageKinds.ReferrerFeedback));

    private async Task<Guid> QueueAsync(Guid hub, string to, string subject)
    {
        var id = Guid.Empty;
        await factory.WithDbAsync(async db =>
        {
            db.QueueEmails(hub, MessageKinds.AgreementNotice, [to], subject, "A test message (fictional).", factory.Clock.GetUtcNow().UtcDateTime);
            id = db.ChangeTracker.Entries<OutboxMessage>().Single().Entity.Id;
            return await db.SaveChangesAsync();
        });
        return id;
    }

    /// <summary>A contact screened, proposed and approved through the pages; returns its id and reference.</summary>
    private async Task<(Guid ContactId, string Reference)> ApprovedContactAsync(string given, string family, string referrerEmail = "dsl@oakbrook.example.org")
    {
        var hub = await FrontDoorData.HubIdAsync(factory);
        var (contactId, _) = await FrontDoorData.ContactAsync(factory, hub, [FrontDoorData.Child(given, family)], referrerEmail: referrerEmail);
        var screener = await SignInAsync("staffs.screener");
        Assert.Equal(HttpStatusCode.Redirect, (await screener.PostFormAsync($"/Screening/{contactId}", ScreeningTests.ScreeningForm(noChecks: true), $"/Screening/{contactId}?handler=Screen")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await screener.PostFormAsync($"/Decisions/Propose/{contactId}", [new("Outcome", "EarlyHelp"), new("Rationale", "Needs met by early help (fictional)."), new("Team", "Early Help North"), new("PrimaryNeed", "N4")])).StatusCode);
        var decision = await factory.WithDbAsync(db => db.Decisions.IgnoreQueryFilters().Where(d => d.ContactId == contactId).Select(d => d.Id).SingleAsync());
        var manager = await SignInAsync("staffs.manager");
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostFormAsync($"/Decisions/{decision}", [], $"/Decisions/{decision}?handler=Approve")).StatusCode);
        var reference = await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().Where(c => c.Id == contactId).Select(c => c.Reference).SingleAsync());
        return (contactId, reference);
    }
}
