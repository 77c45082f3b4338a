using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenMash.Sharing;
using OpenMash.Web.Features.Contacts;
using OpenMash.Web.Features.DataSharing;
using OpenMash.Web.Tests.Features.Api;
using OpenMash.Web.Tests.Features.Screening;
using static OpenMash.Web.Tests.Features.Boundaries.BoundaryData;
using ItemRestrictions = OpenMash.Sharing.ItemRestrictions;

namespace OpenMash.Web.Tests.Features.Boundaries;

/// <summary>The demo police system sees only its own contacts, and of them only what partners' agreements let police see.</summary>
public sealed class ApiBoundaryTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task PartnerInformation_ForItsOwnContact_IsWhatTheAgreementsAllowAndRefusalsAreAuditedProblems()
    {
        var policeId = await factory.WithDbAsync(db => db.Agencies.Where(a => a.Name == Police).Select(a => a.Id).SingleAsync());
        var own = await ContactWithAnswersAsync(factory, "STAFFS", "Olive", ConcernCategory.Neglect, new ContactSource(SourceAgencyId: policeId),
            new AnswerData(Health, "Health: withheld from police (fictional).", true, ("Health item: withheld (fictional)", ItemRestrictions.None)),
            new AnswerData(StaffsSchool, "School: attendance detail (fictional).", true, ("School item: detail (fictional)", ItemRestrictions.None)));
        var others = await ContactWithAnswersAsync(factory, "STAFFS", "Otto", ConcernCategory.Neglect, new ContactSource(), new AnswerData(StaffsSchool, "School: fictional."));
        var http = factory.CreateClient();
        var token = await ApiTestSupport.TokenAsync(http);

        var response = await BoundaryFailClosedTests.PartnerInformationAsync(http, token, own);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var raw = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("withheld from police", raw, StringComparison.Ordinal);
        Assert.DoesNotContain(Health, raw, StringComparison.Ordinal);
        Assert.DoesNotContain("attendance detail", raw, StringComparison.Ordinal);
        var body = await BoundaryFailClosedTests.JsonAsync(response);
        var school = Assert.Single(body["answers"]!.AsArray())!.AsObject();
        Assert.Equal(StaffsSchool, school["agency"]!.GetValue<string>());
        Assert.Equal("existence", school["shared"]!.GetValue<string>());
        Assert.True(school["known"]!.GetValue<bool>());
        Assert.Contains("tell you only that it holds education information", school["whyNotShared"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(school["items"]!.AsArray());

        var refused = await BoundaryFailClosedTests.PartnerInformationAsync(http, token, others);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("School: fictional", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.ViewPartnerInformation && e.Outcome == AuditOutcome.Refused && e.TargetId == others.ToString())));
        var healthCheck = (await CheckIdAsync(factory, own, Health)).ToString();
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.SharingDecision && e.Outcome == AuditOutcome.Refused && e.TargetId == healthCheck && e.Detail!.Contains("refused by an agreement"))));
    }

    [Fact]
    public async Task PartnerInformation_SharedInFull_LosesItemsNotForReferrersAndGoesWhenTheAgreementIsRevoked()
    {
        const string probation = "Probation Service (Staffordshire and Stoke-on-Trent)";
        var staffs = await FrontDoorData.HubIdAsync(factory);
        var policeId = await factory.WithDbAsync(db => db.Agencies.Where(a => a.Name == Police).Select(a => a.Id).SingleAsync());
        var agreement = await FrontDoorData.AsUserAsync(factory, "staffs.admin", sp => sp.GetRequiredService<AgreementService>().AddAsync(new DataSharingAgreement
        {
            Name = "Probation to police for screening (boundary test, fictional)",
            Effect = AgreementEffect.Allow,
            SourceAgencyType = AgencyType.Probation,
            SourceHubId = staffs,
            DestinationAgencyType = AgencyType.Police,
            DestinationHubId = staffs,
            Category = DataCategory.ReferralContent,
            Purpose = SharingPurpose.SafeguardingScreening,
            Mode = SharingMode.Content,
            ValidFromUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        }));
        var own = await ContactWithAnswersAsync(factory, "STAFFS", "Pippa", ConcernCategory.Neglect, new ContactSource(SourceAgencyId: policeId),
            new AnswerData(probation, "Probation: the stepfather is on licence (fictional).", true,
                ("Probation item: licence conditions (fictional)", ItemRestrictions.None),
                ("Probation item: victim's address (fictional)", ItemRestrictions.NotForReferrer)));
        var http = factory.CreateClient();
        var token = await ApiTestSupport.TokenAsync(http);

        var shared = await BoundaryFailClosedTests.JsonAsync(await BoundaryFailClosedTests.PartnerInformationAsync(http, token, own));

        var answer = Assert.Single(shared["answers"]!.AsArray())!.AsObject();
        Assert.Equal("content", answer["shared"]!.GetValue<string>());
        Assert.Equal("Probation: the stepfather is on licence (fictional).", answer["summary"]!.GetValue<string>());
        Assert.Equal(["Probation item: licence conditions (fictional)"], answer["items"]!.AsArray().Select(i => i!.GetValue<string>()).ToList());
        Assert.Equal(1, answer["withheldItems"]!.GetValue<int>());
        Assert.DoesNotContain("victim's address", shared.ToJsonString(), StringComparison.Ordinal);

        var admin = new Infrastructure.PageClient(factory.CreateBrowserlessClient());
        await admin.SignInAsDemoAsync("staffs.admin");
        await Infrastructure.AgreementSteps.RevokeAsync(admin, agreement.Id);

        var after = await BoundaryFailClosedTests.PartnerInformationAsync(http, token, own);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        var raw = await after.Content.ReadAsStringAsync();
        Assert.DoesNotContain("licence", raw, StringComparison.Ordinal);
        Assert.DoesNotContain(probation, raw, StringComparison.Ordinal);
        Assert.Empty((await BoundaryFailClosedTests.JsonAsync(after))["answers"]!.AsArray());
    }
}
