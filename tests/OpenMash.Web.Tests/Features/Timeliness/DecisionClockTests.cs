using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenMash.Web.Features.Timeliness;
using OpenMash.Web.Tests.Features.Screening;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Features.Timeliness;

/// <summary>The decision clock runs from receipt; managers are told once; screening only shortens it; a manager lengthens it with a reason.</summary>
public sealed class DecisionClockTests(OpenMashFactory factory) : IClassFixture<OpenMashFactory>
{
    private void Advance(DateTime utc)
    {
        if (utc > factory.Clock.GetUtcNow().UtcDateTime)
        {
            factory.Clock.SetUtcNow(new DateTimeOffset(utc, TimeSpan.Zero));
        }
    }

    [Fact]
    public async Task ContactFromBeforeTheClockStartedAtReceipt_Migrate_GivesItOneWorkingDayFromReceipt()
    {
        var hubId = await FrontDoorData.HubIdAsync(factory);
        var received = new DateTime(2026, 12, 24, 15, 0, 0, DateTimeKind.Utc);
        Advance(received.AddMinutes(1));
        var (contactId, _) = await FrontDoorData.ContactAsync(factory, hubId, [FrontDoorData.Child("Preclock")], receivedAtUtc: received);
        // Recorded by the version that started the clock only at screening: never screened, so no decision time.
        await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().Where(c => c.Id == contactId).ExecuteUpdateAsync(s => s.SetProperty(c => c.DecisionDueUtc, (DateTime?)null)));

        var output = new StringWriter();
        Assert.Equal(0, await OpenMash.Web.Commands.CommandVerbs.RunAsync(factory.Services, ["migrate"], output, new StringWriter()));

        Assert.Contains("now have a decision time", output.ToString(), StringComparison.Ordinal);
        var due = await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().Where(c => c.Id == contactId).Select(c => c.DecisionDueUtc).SingleAsync());
        Assert.Equal(new DateTime(2026, 12, 29, 15, 0, 0), due);
        var again = new StringWriter();
        await OpenMash.Web.Commands.CommandVerbs.RunAsync(factory.Services, ["migrate"], again, new StringWriter());
        Assert.DoesNotContain("decision time", again.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnscreenedContact_PastOneWorkingDay_ManagerToldOnce()
    {
        // Thursday 24 December 2026, 3pm: Christmas Day, the weekend and the Boxing Day substitute (Monday 28th) are not working days.
        Advance(new DateTime(2026, 12, 24, 15, 0, 0, DateTimeKind.Utc));
        var hubId = await FrontDoorData.HubIdAsync(factory);
        var (contactId, _) = await FrontDoorData.ContactAsync(factory, hubId, [FrontDoorData.Child("Clockie")], receivedAtUtc: new DateTime(2026, 12, 24, 15, 0, 0, DateTimeKind.Utc));
        var due = await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().Where(c => c.Id == contactId).Select(c => c.DecisionDueUtc).SingleAsync());
        Assert.Equal(new DateTime(2026, 12, 29, 15, 0, 0), due);

        Advance(new DateTime(2026, 12, 29, 15, 1, 0, DateTimeKind.Utc));
        var watcher = factory.Services.GetRequiredService<DecisionClockWatcher>();
        await watcher.NotifyAsync(factory.Clock.GetUtcNow().UtcDateTime);
        Task<int> Overdue() => factory.WithDbAsync(db => db.Outbox.IgnoreQueryFilters().CountAsync(o => o.ContactId == contactId && o.Kind == MessageKinds.DecisionOverdue));
        var first = await Overdue();
        await watcher.NotifyAsync(factory.Clock.GetUtcNow().UtcDateTime);
        Assert.True(first > 0, "no overdue notice was queued");
        Assert.Equal(first, await Overdue());
        var managers = await factory.WithDbAsync(db => db.Outbox.IgnoreQueryFilters().Where(o => o.ContactId == contactId).Select(o => o.Body).ToListAsync());
        Assert.DoesNotContain(managers, b => b.Contains("Clockie", StringComparison.Ordinal));

        var reference = await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().Where(c => c.Id == contactId).Select(c => c.Reference).SingleAsync());
        var manager = new PageClient(factory.CreateBrowserlessClient());
        await manager.SignInAsDemoAsync("staffs.manager");
        var home = await (await manager.GetPageAsync("/")).Response.Content.ReadAsStringAsync();
        Assert.Contains("clock-alerts", home, StringComparison.Ordinal);
        Assert.Contains(reference, home, StringComparison.Ordinal);
        var dashboard = await (await manager.GetPageAsync("/Dashboard")).Response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"unscreened-overdue\"", dashboard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecisionDue_LengthenedWithoutReason_Refused()
    {
        var hubId = await FrontDoorData.HubIdAsync(factory);
        var (contactId, _) = await FrontDoorData.ContactAsync(factory, hubId, [FrontDoorData.Child("Extendie")]);
        var before = await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().Where(c => c.Id == contactId).Select(c => c.DecisionDueUtc).SingleAsync());
        var later = TimeZoneInfo.ConvertTimeFromUtc(before!.Value.AddDays(2), TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);

        var screener = new PageClient(factory.CreateBrowserlessClient());
        await screener.SignInAsDemoAsync("staffs.screener");
        // The page is a manager's (its folder convention): a screener is refused it outright.
        Assert.Equal(HttpStatusCode.Forbidden, (await screener.GetPageAsync($"/Screening/{contactId}/DecisionDue")).Response.StatusCode);

        var manager = new PageClient(factory.CreateBrowserlessClient());
        await manager.SignInAsDemoAsync("staffs.manager");
        var refused = await manager.PostFormAsync($"/Screening/{contactId}/DecisionDue", new Dictionary<string, string> { ["NewDue"] = later, ["Reason"] = "" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Enter why this contact needs more time", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().Where(c => c.Id == contactId).Select(c => c.DecisionDueUtc).SingleAsync()));

        await manager.PostFormAsync($"/Screening/{contactId}/DecisionDue", new Dictionary<string, string> { ["NewDue"] = later, ["Reason"] = "Waiting for the police log (fictional)" });
        Assert.True(await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().Where(c => c.Id == contactId).Select(c => c.DecisionDueUtc).SingleAsync()) > before);
        var timeline = await (await manager.GetPageAsync($"/Screening/{contactId}/Timeline")).Response.Content.ReadAsStringAsync();
        Assert.Contains("Waiting for the police log (fictional)", timeline, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RedScreening_AfterReceipt_ShortensDecisionDue()
    {
        var hubId = await FrontDoorData.HubIdAsync(factory);
        var (contactId, _) = await FrontDoorData.ContactAsync(factory, hubId, [FrontDoorData.Child("Reddie")]);
        var before = await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().Where(c => c.Id == contactId).Select(c => c.DecisionDueUtc).SingleAsync());
        var screener = new PageClient(factory.CreateBrowserlessClient());
        await screener.SignInAsDemoAsync("staffs.screener");
        await screener.PostFormAsync($"/Screening/{contactId}", ScreeningTests.ScreeningForm("Red"), $"/Screening/{contactId}?handler=Screen");
        var after = await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().Where(c => c.Id == contactId).Select(c => c.DecisionDueUtc).SingleAsync());
        Assert.True(after < before, $"red did not shorten: {before} then {after}");
    }
}
