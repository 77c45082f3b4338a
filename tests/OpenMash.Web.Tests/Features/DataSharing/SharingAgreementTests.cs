using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenMash.Sharing;
using OpenMash.Web.Features.DataSharing;
using OpenMash.Web.Security;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Features.DataSharing;

public sealed class SharingAgreementTests(OpenMashFactory factory) : IClassFixture<OpenMashFactory>
{
    [Fact]
    public async Task AgreementsPage_ForAnAdministrator_SaysWhatEachAgreementDoesInWords()
    {
        var admin = new PageClient(factory.CreateBrowserlessClient());
        await admin.SignInAsDemoAsync("staffs.admin");

        var (response, page) = await admin.GetPageAsync("/Admin/Sharing");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = page.QuerySelector("main")!.TextContent;
        Assert.Contains("Shares police incidents in full, for safeguarding screening", text, StringComparison.Ordinal);
        Assert.Contains("Does not share health records, nor whether any is held", text, StringComparison.Ordinal);
        foreach (var code in new[] { "PoliceIncidents", "SafeguardingScreening", "HealthRecords", "Allow Content", "Deny Existence" })
        {
            Assert.DoesNotContain(code, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task DemoAgreements_WithinAndAcrossHubs_AllowContentWithinAHubAsymmetricScreeningAcrossAndNothingElse()
    {
        var (staffs, stoke) = (await HubAsync("STAFFS"), await HubAsync("STOKE"));
        var police = await AgencyAsync("Staffordshire Police");
        var staffsCsc = await AgencyAsync("Staffordshire County Council Children's Social Care");
        var stokeCsc = await AgencyAsync("Stoke-on-Trent City Council Children's Social Care");

        var incidents = await DecideAsync(factory, police, staffs, staffsCsc, staffs, DataCategory.PoliceIncidents, SharingPurpose.SafeguardingScreening);
        var wrongCategory = await DecideAsync(factory, police, staffs, staffsCsc, staffs, DataCategory.HealthRecords, SharingPurpose.SafeguardingScreening);
        var acrossHubs = await DecideAsync(factory, staffsCsc, staffs, stokeCsc, stoke, DataCategory.SocialCareHistory, SharingPurpose.ChildExploitationTaskGroup);
        var acrossHubsForScreening = await DecideAsync(factory, staffsCsc, staffs, stokeCsc, stoke, DataCategory.SocialCareHistory, SharingPurpose.SafeguardingScreening);
        var backForScreening = await DecideAsync(factory, stokeCsc, stoke, staffsCsc, staffs, DataCategory.SocialCareHistory, SharingPurpose.SafeguardingScreening);
        var acrossHubsForEarlyHelp = await DecideAsync(factory, staffsCsc, staffs, stokeCsc, stoke, DataCategory.SocialCareHistory, SharingPurpose.EarlyHelp);

        Assert.Equal(SharingOutcome.Content, incidents.Outcome);
        Assert.Equal((SharingOutcome.Deny, DecisionReason.NoAgreement), (wrongCategory.Outcome, wrongCategory.Reason));
        Assert.Equal(SharingOutcome.ExistenceOnly, acrossHubs.Outcome);
        // Demo/DemoAccess.cs: screening across hubs is asymmetric, so that both outcomes can be shown.
        Assert.Equal(SharingOutcome.Content, acrossHubsForScreening.Outcome);
        Assert.Equal(SharingOutcome.ExistenceOnly, backForScreening.Outcome);
        Assert.Equal(SharingOutcome.Deny, acrossHubsForEarlyHelp.Outcome);
    }

    [Fact]
    public async Task ARevokedAgreement_StopsSharingOnTheNextRequest_AlsoInASecondInstance()
    {
        var staffs = await HubAsync("STAFFS");
        var police = await AgencyAsync("Staffordshire Police");
        var csc = await AgencyAsync("Staffordshire County Council Children's Social Care");
        await using var second = OpenMashFactory.SharingDatabaseWith(factory);
        Assert.Equal(SharingOutcome.Content, (await DecideAsync(second, police, staffs, csc, staffs, DataCategory.PoliceIntelligence, SharingPurpose.SafeguardingScreening)).Outcome);

        var admin = new PageClient(factory.CreateBrowserlessClient());
        await admin.SignInAsDemoAsync("staffs.admin");
        var id = await factory.WithDbAsync(db => db.DataSharingAgreements.Where(a => a.Name.StartsWith("Police intelligence") && a.SourceHubId == staffs).Select(a => a.Id).FirstAsync());
        var revoked = await AgreementSteps.RevokeAsync(admin, id);
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);

        var here = await DecideAsync(factory, police, staffs, csc, staffs, DataCategory.PoliceIntelligence, SharingPurpose.SafeguardingScreening);
        var there = await DecideAsync(second, police, staffs, csc, staffs, DataCategory.PoliceIntelligence, SharingPurpose.SafeguardingScreening);
        Assert.Equal((SharingOutcome.Deny, DecisionReason.NoAgreement), (here.Outcome, here.Reason));
        Assert.Equal((SharingOutcome.Deny, DecisionReason.NoAgreement), (there.Outcome, there.Reason));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.Created(nameof(DataSharingAgreement)) && e.UserName == "staffs.admin")));
    }

    [Fact]
    public async Task Decide_WithoutAPolicyRevision_FailsClosed()
    {
        await using var isolated = new OpenMashFactory();
        var staffs = await isolated.WithDbAsync(db => db.Hubs.Where(h => h.Code == "STAFFS").Select(h => h.Id).SingleAsync());
        var police = await isolated.WithDbAsync(db => db.Agencies.Where(a => a.Name == "Staffordshire Police").Select(a => a.Id).SingleAsync());
        var csc = await isolated.WithDbAsync(db => db.Agencies.Where(a => a.Name == "Staffordshire County Council Children's Social Care").Select(a => a.Id).SingleAsync());
        await isolated.ExecuteSqlAsync("DELETE FROM \"SharingPolicyRevisions\"");

        var decision = await DecideAsync(isolated, police, staffs, csc, staffs, DataCategory.PoliceIncidents, SharingPurpose.SafeguardingScreening);

        Assert.Equal((SharingOutcome.Deny, DecisionReason.PolicyUnavailable), (decision.Outcome, decision.Reason));
    }

    [Fact]
    public async Task AddAgreement_ListsEveryProblem_ThenAValidOneStartsSharing()
    {
        var stoke = await HubAsync("STOKE");
        var school = await AgencyAsync("Kingsfield Academy (demo)");
        var health = await AgencyAsync("Demo Community Health NHS Trust");
        var admin = new PageClient(factory.CreateBrowserlessClient());
        await admin.SignInAsDemoAsync("stoke.admin");
        Assert.Equal(SharingOutcome.Deny, (await DecideAsync(factory, school, stoke, health, stoke, DataCategory.EducationAttendance, SharingPurpose.EarlyHelp)).Outcome);

        var page = await PageClient.ParseAsync(await admin.PostFormAsync("/Admin/Sharing/Create", [new("ValidFrom.Day", ""), new("ValidFrom.Month", ""), new("ValidFrom.Year", "")]));
        Assert.Equal(["#Name", "#Effect", "#Source", "#SourceHub", "#Destination", "#DestinationHub", "#Category", "#Purpose", "#Mode", "#ValidFrom", "#Reason"],
            page.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")).ToList());

        var today = factory.Clock.GetUtcNow().UtcDateTime.AddDays(-1);
        var added = await admin.PostFormAsync("/Admin/Sharing/Create",
        [
            new("Name", "School attendance to health for early help (test)"), new("Effect", "Allow"), new("Source", $"agency:{school}"), new("SourceHub", stoke.ToString()),
            new("Destination", "type:Health"), new("DestinationHub", stoke.ToString()), new("Category", "EducationAttendance"), new("Purpose", "EarlyHelp"), new("Mode", "Content"),
            new("ValidFrom.Day", today.Day.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("ValidFrom.Month", today.Month.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("ValidFrom.Year", today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Reason", "Fictional test: early help needs attendance."), new("Confirmed", "true"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var decision = await DecideAsync(factory, school, stoke, health, stoke, DataCategory.EducationAttendance, SharingPurpose.EarlyHelp);
        Assert.Equal((SharingOutcome.Content, DecisionReason.AllowedByAgreement), (decision.Outcome, decision.Reason));
    }

    [Fact]
    public async Task SharingAgreementPages_ForAScreener_AreRefused()
    {
        var screener = new PageClient(factory.CreateBrowserlessClient());
        await screener.SignInAsDemoAsync("staffs.screener");

        Assert.Equal(HttpStatusCode.Forbidden, (await screener.Http.GetAsync(new Uri("/Admin/Sharing", UriKind.Relative))).StatusCode);
    }

    private Task<Guid> HubAsync(string code) => factory.WithDbAsync(db => db.Hubs.Where(h => h.Code == code).Select(h => h.Id).SingleAsync());

    private Task<Guid> AgencyAsync(string name) => factory.WithDbAsync(db => db.Agencies.Where(a => a.Name == name).Select(a => a.Id).SingleAsync());

    private static async Task<SharingDecision> DecideAsync(OpenMashFactory app, Guid source, Guid sourceHub, Guid destination, Guid destinationHub, DataCategory category, SharingPurpose purpose)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(Actor.System("test"));
        return await scope.ServiceProvider.GetRequiredService<SharingPolicyService>().DecideAsync(source, sourceHub, destination, destinationHub, category, purpose);
    }
}
