using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Contacts;
using OpenMash.Web.Security;

namespace OpenMash.BrowserTests;

/// <summary>
/// A hub's day in a browser: a contact nobody has screened runs past its decision time and the manager is told (home
/// page and e-mail through the real SMTP server); a contact submitted twice by a double click is recorded once; the
/// screening, access history and audit pages fit a 320 px screen.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RealDayJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task UnscreenedContact_PastItsDecisionTime_ManagerIsToldOnTheHomePageAndByEmail()
    {
        var (contactId, reference) = await ContactAsync("Overdueson");

        // Three days pass with nobody screening it: received three days ago, due (one working day) an hour ago.
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(Actor.System("browser-test"));
            var db = scope.ServiceProvider.GetRequiredService<OpenMashDbContext>();
            var now = DateTime.UtcNow;
            Assert.Equal(1, await db.Contacts.IgnoreQueryFilters().Where(c => c.Id == contactId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ReceivedAtUtc, now.AddDays(-3)).SetProperty(c => c.DecisionDueUtc, now.AddHours(-1))));
        }

        // The decision clock's background pass e-mails the hub's managers: the reference and a link, not the child.
        var notice = await fixture.DeliveredAsync(m => m.Subject == $"Decision overdue on contact {reference}"
            && m.To.ToString().Contains("staffs.manager@demo.openmash.example", StringComparison.OrdinalIgnoreCase));
        Assert.Contains($"/Screening/{contactId}", notice.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Overdueson", notice.TextBody, StringComparison.Ordinal);

        var manager = await fixture.NewPageAsync();
        await manager.SignInAsync("staffs.manager");
        await manager.WaitForURLAsync(fixture.BaseUrl + "/");
        var alert = manager.Locator("[data-testid=clock-alert]", new() { HasText = reference });
        Assert.Contains("(not yet screened): overdue", await alert.TextContentAsync(), StringComparison.Ordinal);
        await manager.AssertAccessibleAsync();
        await alert.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await manager.WaitForURLAsync(fixture.BaseUrl + $"/Screening/{contactId}");
        await manager.AssertAccessibleAsync();
    }

    [Fact]
    public async Task RecordContact_DoubleClickedWithAndWithoutScripts_IsRecordedOnce()
    {
        // With GOV.UK Frontend's button behaviour, and in a browser whose scripts did not load (both clicks are sent).
        foreach (var (javaScript, familyName) in new[] { (true, "Doubleclickson"), (false, "Noscriptson") })
        {
            var page = await fixture.NewPageAsync(javaScript);
            await page.SignInAsync("staffs.screener");
            await page.WaitForURLAsync(fixture.BaseUrl + "/");
            await FillInContactAsync(page, familyName);
            Assert.EndsWith("/Contacts/New/check", page.Url, StringComparison.Ordinal);

            await page.GetByRole(AriaRole.Button, new() { Name = "Record the contact", Exact = true }).DblClickAsync();
            await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/Contacts/New/Done/[0-9a-f-]{36}$"));
            var shown = (await page.Locator("[data-testid=contact-reference]").TextContentAsync())!.Trim();

            await using var scope = fixture.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(Actor.System("browser-test"));
            var db = scope.ServiceProvider.GetRequiredService<OpenMashDbContext>();
            var references = await db.Contacts.IgnoreQueryFilters()
                .Where(c => c.Subjects.Any(s => db.Persons.IgnoreQueryFilters().Any(p => p.Id == s.PersonId && p.FamilyName == familyName)))
                .Select(c => c.Reference).ToListAsync();
            Assert.Equal([shown], references);
        }
    }

    [Fact]
    public async Task CaseworkPages_OnA320PixelScreen_DoNotScrollSideways()
    {
        var (contactId, _) = await ContactAsync("Narrowfield");
        var screener = await fixture.NewPageAsync();
        await screener.SetViewportSizeAsync(320, 800);
        await screener.SignInAsync("staffs.screener");
        await screener.WaitForURLAsync(fixture.BaseUrl + "/");
        var problems = new List<string?>();
        foreach (var path in new[] { "/Screening", $"/Screening/{contactId}", $"/Screening/{contactId}/Timeline", "/Checks", "/Decisions", "/MyWork" })
        {
            await screener.GotoAsync(path);
            problems.Add(await screener.SidewaysScrollAsync());
        }

        var child = await WithDbAsync(db => db.Persons.IgnoreQueryFilters()
            .Where(p => p.GivenNames == "Juniper" && p.FamilyName == "Crossfield-Demo" && db.Hubs.Any(h => h.Id == p.HubId && h.Code == "STOKE"))
            .Select(p => p.Id).SingleAsync());
        var manager = await fixture.NewPageAsync();
        await manager.SetViewportSizeAsync(320, 800);
        await manager.SignInAsync("stoke.manager");
        await manager.WaitForURLAsync(fixture.BaseUrl + "/");
        await manager.GotoAsync($"/Access/History/{child}");
        Assert.True(await manager.Locator("main table").CountAsync() > 0, "the access history should list reads of the child's record");
        problems.Add(await manager.SidewaysScrollAsync());
        await manager.GotoAsync("/Screening/Workload");
        problems.Add(await manager.SidewaysScrollAsync());

        var ig = await fixture.NewPageAsync();
        await ig.SetViewportSizeAsync(320, 800);
        await ig.SignInAsync("staffs.ig");
        await ig.WaitForURLAsync(fixture.BaseUrl + "/");
        await ig.GotoAsync("/Audit");
        Assert.True(await ig.Locator("[data-testid=audit-results] tbody tr").CountAsync() > 0, "the audit page should list entries");
        problems.Add(await ig.SidewaysScrollAsync());
        Assert.True(problems.All(p => p is null), string.Join(Environment.NewLine, problems.OfType<string>()));
    }

    private async Task<T> WithDbAsync<T>(Func<OpenMashDbContext, Task<T>> query)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(Actor.System("browser-test"));
        return await query(scope.ServiceProvider.GetRequiredService<OpenMashDbContext>());
    }

    /// <summary>A phoned-in contact about one fictional child in Staffordshire, recorded as the hub would record it.</summary>
    private async Task<(Guid Id, string Reference)> ContactAsync(string familyName)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<OpenMashDbContext>();
        var actor = sp.GetRequiredService<CurrentActor>();
        actor.Set(Actor.System("browser-test"));
        var hub = await db.Hubs.Where(h => h.Code == "STAFFS").Select(h => h.Id).SingleAsync();
        actor.Set(Actor.System("browser-test", hub));
        var (contact, errors) = await sp.GetRequiredService<ContactService>().CreateAsync(
            new NewContact
            {
                Channel = ContactChannel.Phone,
                ReferrerName = "Sam Referrer",
                ReferrerPhone = "01234 000777",
                ConcernCategories = [ConcernCategory.Neglect],
                WhatHappened = "Fictional: left alone overnight twice this week.",
                FamilyAware = true,
                FamilyConsented = true,
                ReferrerSpokenTo = true,
                ReferralSource = ReferralSource.Schools,
                People = [new NewPerson(SubjectRole.Child, GivenNames: "Robin", FamilyName: familyName, DateOfBirth: new DateOnly(2016, 6, 7))],
            },
            new ContactSource());
        Assert.Empty(errors);
        return (contact!.Id, contact.Reference);
    }

    private static async Task FillInContactAsync(IPage page, string familyName)
    {
        async Task Next(string button = "Continue")
        {
            await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
            await page.WaitForLoadStateAsync();
        }

        Task Fill(string name, string value) => page.Locator($"[name='{name}']").FillAsync(value);

        await page.GotoAsync("/Contacts/New");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start now" }).ClickAsync();
        await page.Locator("#Channel").CheckAsync();
        await Next();
        await Fill("ReferrerName", "Sam Doubleclick");
        await Fill("ReferrerPhone", "01234 000555");
        await page.Locator("#ReferralSource").SelectOptionAsync("Schools");
        await Next();
        await Fill("GivenNames", "Wren");
        await Fill("FamilyName", familyName);
        await Fill("DateOfBirth.Day", "3");
        await Fill("DateOfBirth.Month", "3");
        await Fill("DateOfBirth.Year", "2015");
        await page.Locator("#Sex-2").CheckAsync();
        await Next("Save child");
        if (page.Url.Contains("/Contacts/New/Match/", StringComparison.Ordinal))
        {
            await page.Locator("input[name=Choice][value=new]").CheckAsync();
            await Next();
        }

        await Next();
        await Next();
        await page.Locator("#Concerns").CheckAsync();
        await Next();
        await Fill("WhatHappened", "Fictional: sent to school hungry every day this week.");
        await Next();
        await page.Locator("#FamilyAware").CheckAsync();
        await page.Locator("#FamilyConsented").CheckAsync();
        await page.Locator("#ReferrerSpokenTo").CheckAsync();
        await Next();
        await Next();
    }
}
