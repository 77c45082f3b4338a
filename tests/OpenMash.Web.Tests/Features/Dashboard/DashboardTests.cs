using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenMash.Web.Features.Dashboard;
using OpenMash.Web.Tests.Features.Screening;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Features.Dashboard;

/// <summary>A known data set in November 2026 (GMT, no bank holidays; working day 09:00-17:00), figures asked for at a fixed time.</summary>
public sealed class DashboardTests(OpenMashFactory factory) : IClassFixture<OpenMashFactory>, IAsyncLifetime
{
    private static readonly DateTime Now = Utc(2026, 11, 27, 12);
    private Guid _hub;
    private readonly List<string> _references = [];

    private static DateTime Utc(int y, int m, int d, int h) => new(y, m, d, h, 0, 0, DateTimeKind.Utc);

    public async Task InitializeAsync()
    {
        _hub = await FrontDoorData.HubIdAsync(factory);

        // xunit builds the class once per test; the data set goes in once per fixture.
        var existing = await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().Where(c => c.ReferrerName == "Fictional Referrer").Select(c => c.Reference).ToListAsync());
        if (existing.Count > 0)
        {
            _references.AddRange(existing);
            return;
        }

        // The figures are checked against this data set alone, so the hub's demo contacts are removed first.
        await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().Where(c => c.HubId == _hub).ExecuteDeleteAsync());
        var stoke = await FrontDoorData.HubIdAsync(factory, "STOKE");
        var police = await FrontDoorData.AgencyIdAsync(factory, "Staffordshire Police");
        var health = await FrontDoorData.AgencyIdAsync(factory, "Demo Community Health NHS Trust");
        var entities = new List<object>();
        Contact Add(Guid hub, ContactState state, DateTime received, DateTime? decided = null, DateTime? due = null)
        {
            var contact = new Contact
            {
                Id = Guid.NewGuid(),
                HubId = hub,
                Reference = $"DASH-{_references.Count + 1:D3}-{Guid.NewGuid():N}"[..20],
                ReceivedAtUtc = received,
                ReferrerName = "Fictional Referrer",
                WhatHappened = "Fictional",
                State = state,
                DecidedAtUtc = decided,
                DecisionDueUtc = due,
            };
            _references.Add(contact.Reference);
            entities.Add(contact);
            return contact;
        }

        MultiAgencyCheck Check(Contact c, Guid agency, DateTime requested, DateTime due, DateTime? answered) => new()
        {
            Id = Guid.NewGuid(),
            HubId = c.HubId,
            ContactId = c.Id,
            AgencyId = agency,
            RequestedAtUtc = requested,
            DueAtUtc = due,
            Status = answered is null ? CheckStatus.Requested : CheckStatus.Answered,
            AnsweredAtUtc = answered,
        };

        var a = Add(_hub, ContactState.Decided, Utc(2026, 11, 2, 9), Utc(2026, 11, 2, 10));   // 1 working hour
        var b = Add(_hub, ContactState.Decided, Utc(2026, 11, 3, 10), Utc(2026, 11, 3, 14));  // 4
        Add(_hub, ContactState.Decided, Utc(2026, 11, 4, 16), Utc(2026, 11, 5, 15));          // 1 + 6 = 7
        Add(_hub, ContactState.Decided, Utc(2026, 11, 6, 12), Utc(2026, 11, 9, 12));          // 5 + 3 over a weekend = 8
        Add(_hub, ContactState.Decided, Utc(2026, 11, 9, 9), Utc(2026, 11, 11, 11));          // 8 + 8 + 2 = 18
        Add(_hub, ContactState.Decided, Utc(2026, 10, 28, 9), Utc(2026, 10, 29, 9));          // last month: not in the month's figures
        Add(_hub, ContactState.AwaitingDecision, Utc(2026, 11, 25, 10), due: Utc(2026, 11, 26, 10));
        var h = Add(_hub, ContactState.AwaitingPartnerInformation, Utc(2026, 11, 26, 9), due: Utc(2026, 11, 30, 9));
        Add(_hub, ContactState.AwaitingScreening, Utc(2026, 11, 27, 11));
        Add(stoke, ContactState.AwaitingDecision, Utc(2026, 11, 20, 10), due: Utc(2026, 11, 21, 10));
        entities.Add(Check(a, police, Utc(2026, 11, 2, 9), Utc(2026, 11, 2, 11), Utc(2026, 11, 2, 13)));   // 4
        entities.Add(Check(b, police, Utc(2026, 11, 3, 10), Utc(2026, 11, 3, 12), Utc(2026, 11, 3, 16)));  // 6
        entities.Add(Check(h, police, Utc(2026, 11, 26, 9), Utc(2026, 11, 26, 13), null));                 // overdue
        entities.Add(Check(h, health, Utc(2026, 11, 26, 9), Utc(2026, 11, 26, 13), Utc(2026, 11, 26, 11))); // 2
        await FrontDoorData.AddAsync(factory, _hub, [.. entities]);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Figures_ForAKnownDataSet_MatchIt()
    {
        var f = await FrontDoorData.AsUserAsync(factory, "staffs.analyst", sp => sp.GetRequiredService<DashboardService>().FiguresAsync(Now));

        Assert.Equal(6, f.ByState[ContactState.Decided]);
        Assert.Equal(1, f.ByState[ContactState.AwaitingDecision]);
        Assert.Equal(1, f.ByState[ContactState.AwaitingPartnerInformation]);
        Assert.Equal(1, f.ByState[ContactState.AwaitingScreening]);
        Assert.Equal(1, f.DecisionsOverdue);
        Assert.Equal(1, f.ChecksOverdue);
        Assert.Equal(5, f.DecidedThisMonth);
        Assert.Equal(7, f.MedianWorkingHoursToDecision);
        Assert.Equal(18, f.P90WorkingHoursToDecision);
        Assert.Equal(0.8, f.ShareWithinOneWorkingDay);
        var police = Assert.Single(f.Agencies, x => x.Agency == "Staffordshire Police");
        Assert.Equal((2, 5.0, 1, 1), (police.Answered, police.MedianWorkingHours!.Value, police.Outstanding, police.Overdue));
        var health = Assert.Single(f.Agencies, x => x.Agency == "Demo Community Health NHS Trust");
        Assert.Equal((1, 2.0, 0, 0), (health.Answered, health.MedianWorkingHours!.Value, health.Outstanding, health.Overdue));
    }

    [Fact]
    public async Task ThePage_ShowsTheFiguresForNow_WithoutReferencesOrNames()
    {
        var analyst = new PageClient(factory.CreateBrowserlessClient());
        await analyst.SignInAsDemoAsync("staffs.analyst");
        var expected = await FrontDoorData.AsUserAsync(factory, "staffs.analyst", sp => sp.GetRequiredService<DashboardService>().FiguresAsync(factory.Clock.GetUtcNow().UtcDateTime));

        var (response, page) = await analyst.GetPageAsync("/Dashboard");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected.DecisionsOverdue.ToString(CultureInfo.InvariantCulture), page.QuerySelector("[data-testid=decisions-overdue]")?.TextContent);
        Assert.Equal(expected.ByState[ContactState.Decided].ToString(CultureInfo.InvariantCulture), page.QuerySelector("[data-state=Decided] dd")?.TextContent);
        var html = page.Body!.InnerHtml;
        Assert.All(_references, r => Assert.DoesNotContain(r, html, StringComparison.Ordinal));
        Assert.DoesNotContain("Fictional Referrer", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_ForAReferrer_IsRefused()
    {
        var referrer = new PageClient(factory.CreateBrowserlessClient());
        await referrer.SignInAsDemoAsync("staffs.referrer");

        Assert.Equal(HttpStatusCode.Forbidden, (await referrer.Http.GetAsync(new Uri("/Dashboard", UriKind.Relative))).StatusCode);
    }
}
