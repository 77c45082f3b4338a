using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Demo;
using OpenMash.Web.Tests.Infrastructure;
using ConsentStatus = OpenMash.Sharing.ConsentStatus;

namespace OpenMash.Web.Tests.Demo;

/// <summary>
/// The demo covers every path in each hub, its decided contacts were worked by its users (screened, proposed by one,
/// approved by another), and the users of every agency a check can go to sign in and see their own agency's checks,
/// never another's: the school's safeguarding lead sees their school's only.
/// </summary>
public sealed class DemoPathsTests(OpenMashFactory factory) : IClassFixture<OpenMashFactory>
{
    /// <summary>The demo's users who answer checks, and the agency each answers for.</summary>
    public static TheoryData<string> Researchers() =>
    [
        .. DemoSeeder.Accounts.Where(a => a.Role == OpenMash.Web.Security.Roles.AgencyResearcher).Select(a => a.UserName),
    ];

    [Fact]
    public async Task EachHub_OfTheDemo_HasEveryStateOutcomeConsentAndOverride()
    {
        var hubs = await factory.WithDbAsync(db => db.Hubs.Select(h => h.Id).ToListAsync());
        Assert.Equal(2, hubs.Count);
        foreach (var hub in hubs)
        {
            var states = await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().Where(c => c.HubId == hub).Select(c => c.State).Distinct().ToListAsync());
            var outcomes = await factory.WithDbAsync(db => db.Decisions.IgnoreQueryFilters().Where(d => d.HubId == hub && d.Status == DecisionStatus.Approved).Select(d => d.Outcome).Distinct().ToListAsync());
            var consents = await factory.WithDbAsync(db => db.Consents.IgnoreQueryFilters().Where(c => c.HubId == hub && !c.ReportedByReferrer).Select(c => c.Status).Distinct().ToListAsync());
            var overrides = await factory.WithDbAsync(db => db.ConsentOverrides.IgnoreQueryFilters().Where(o => o.HubId == hub).Select(o => o.Status).Distinct().ToListAsync());

            Assert.Equal(Enum.GetValues<ContactState>().Order(), states.Order());
            Assert.Equal(Enum.GetValues<DecisionOutcome>().Order(), outcomes.Order());
            Assert.Equal(Enum.GetValues<ConsentStatus>().Order(), consents.Order());
            Assert.Equal(Enum.GetValues<OverrideStatus>().Order(), overrides.Order());
        }
    }

    [Fact]
    public async Task EachDecidedDemoContact_InEitherHub_HasAScreeningAProposerAndAnotherApprover()
    {
        var decided = await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().Where(c => c.State == ContactState.Decided)
            .Select(c => new
            {
                c.Reference,
                c.DecidedAtUtc,
                Screening = db.Screenings.IgnoreQueryFilters().Where(s => s.ContactId == c.Id).Select(s => (Guid?)s.ScreenedByUserId).SingleOrDefault(),
                Decision = db.Decisions.IgnoreQueryFilters().Where(d => d.ContactId == c.Id && d.Status == DecisionStatus.Approved)
                    .Select(d => new { d.ProposedByUserId, d.DecidedByUserId, d.DecidedAtUtc }).SingleOrDefault(),
            }).ToListAsync());
        var users = await factory.WithDbAsync(db => db.Users.ToDictionaryAsync(u => u.Id, u => u.UserName!));

        Assert.True(decided.Count >= 20, $"{decided.Count} decided contacts");
        Assert.All(decided, c =>
        {
            Assert.True(c.Screening is { } s && users[s].EndsWith(".screener", StringComparison.Ordinal), $"{c.Reference}: screened by a screener");
            Assert.NotNull(c.Decision);
            Assert.True(users.TryGetValue(c.Decision.ProposedByUserId, out var proposer) && proposer.EndsWith(".screener", StringComparison.Ordinal), $"{c.Reference}: proposed by a screener");
            Assert.True(c.Decision.DecidedByUserId is { } approver && users[approver].EndsWith(".manager", StringComparison.Ordinal), $"{c.Reference}: approved by a manager");
            Assert.Equal(c.DecidedAtUtc, c.Decision.DecidedAtUtc);
        });
    }

    [Fact]
    public async Task ScreenedDemoContacts_NotYetSentForChecks_AreOnlyThoseWaitingForConsent()
    {
        var waiting = await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters()
            .Where(c => c.State == ContactState.AwaitingScreening && db.Screenings.IgnoreQueryFilters().Any(s => s.ContactId == c.Id))
            .Select(c => new
            {
                c.HubId,
                c.ScreenedAtUtc,
                Family = db.Persons.IgnoreQueryFilters().Where(p => c.Subjects.Any(s => s.PersonId == p.Id && s.Role == SubjectRole.Child)).Select(p => p.FamilyName).First(),
            }).ToListAsync());

        Assert.All(waiting, c => Assert.NotNull(c.ScreenedAtUtc));
        Assert.Equal(2, waiting.Select(c => c.HubId).Distinct().Count());
        foreach (var hub in waiting.GroupBy(c => c.HubId))
        {
            Assert.Equal(["Askwith", "Claimworth", "Waitforth"], hub.Select(c => c.Family).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task DemoWork_DoneThroughTheServices_IsAuditedAsTheUserWhoDidIt()
    {
        var approvals = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == AuditActions.Updated(nameof(ContactDecision)) && e.UserName == "stoke.manager").CountAsync());
        var answers = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == AuditActions.AnswerCheck && e.UserName == "staffs.dsl").CountAsync());
        var overrides = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => (e.Action == AuditActions.ConsentOverrideApproved || e.Action == AuditActions.ConsentOverrideRejected) && e.UserName == "staffs.manager").CountAsync());

        Assert.True(approvals >= 7, $"{approvals} approvals by stoke.manager");
        Assert.True(answers >= 2, $"{answers} answers by staffs.dsl");
        Assert.Equal(2, overrides);
    }

    [Theory]
    [MemberData(nameof(Researchers))]
    public async Task DemoResearcher_OpeningTheirChecks_SeesTheirAgencysChecksAndOnlyThose(string userName)
    {
        var account = DemoSeeder.Accounts.Single(a => a.UserName == userName);
        var (agency, hub) = await factory.WithDbAsync(async db => (
            await db.Agencies.Where(a => a.Name == account.Agency).Select(a => a.Id).SingleAsync(),
            await db.Hubs.Where(h => h.Code == account.Hub).Select(h => h.Id).SingleAsync()));
        var theirs = await factory.WithDbAsync(db => db.Checks.IgnoreQueryFilters().Where(c => c.HubId == hub && c.AgencyId == agency).Select(c => c.Id).ToListAsync());
        var client = new PageClient(factory.CreateBrowserlessClient());
        await client.SignInAsDemoAsync(userName);

        var (response, page) = await client.GetPageAsync("/Checks");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var listed = page.QuerySelectorAll("[data-testid=checks] tbody a[href^='/Checks/']").Select(a => Guid.Parse(a.GetAttribute("href")!["/Checks/".Length..])).ToList();
        Assert.NotEmpty(theirs);
        if (userName.Split('.')[1] is "dsl" or "education" or "probation" or "hospital")
        {
            // The new agencies' users each have a check waiting for their answer.
            Assert.Contains(await factory.WithDbAsync(db => db.Checks.IgnoreQueryFilters().Where(c => theirs.Contains(c.Id)).Select(c => c.Status).ToListAsync()), s => s == CheckStatus.Requested);
        }

        Assert.Equal(theirs.Order(), listed.Order());
    }

    [Theory]
    [InlineData("staffs.dsl", "Staffordshire County Council Education Safeguarding (demo)", "STAFFS")]
    [InlineData("staffs.dsl", "Kingsfield Academy (demo)", "STOKE")]
    [InlineData("stoke.dsl", "Oakbrook Primary School (demo)", "STAFFS")]
    [InlineData("staffs.education", "Oakbrook Primary School (demo)", "STAFFS")]
    [InlineData("staffs.probation", "Staffordshire Police", "STAFFS")]
    [InlineData("stoke.hospital", "Demo Community Health NHS Trust", "STOKE")]
    public async Task DemoResearcher_OpeningAnotherAgencysCheck_IsRefusedAsNotFound(string userName, string otherAgency, string hubCode)
    {
        var check = await factory.WithDbAsync(db => db.Checks.IgnoreQueryFilters()
            .Where(c => c.Agency.Name == otherAgency && db.Hubs.Any(h => h.Id == c.HubId && h.Code == hubCode)).Select(c => c.Id).FirstAsync());
        var client = new PageClient(factory.CreateBrowserlessClient());
        await client.SignInAsDemoAsync(userName);

        var (list, page) = await client.GetPageAsync("/Checks");
        var response = await client.Http.GetAsync(new Uri($"/Checks/{check}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Null(page.QuerySelector($"a[href='/Checks/{check}']"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.UserName == userName && e.Outcome == AuditOutcome.Refused && e.TargetId == check.ToString())));
    }
}
