using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OpenMash.Sharing;
using OpenMash.Web.Tests.Features.Api;
using OpenMash.Web.Tests.Features.Screening;
using OpenMash.Web.Tests.Infrastructure;
using static OpenMash.Web.Tests.Features.Api.ApiTestSupport;

namespace OpenMash.Web.Tests.Features.Consent;

/// <summary>Security finding 4: an agency system's "familyConsented": true is a claim, not consent.</summary>
public sealed class IntakeConsentApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Health = "Demo Community Health NHS Trust";
    private const string School = "Oakbrook Primary School (demo)";

    private async Task<HttpResponseMessage> RequestChecksAsync(PageClient screener, Guid contactId, params string[] agencies)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var name in agencies)
        {
            fields.Add(new("AgencyIds", (await FrontDoorData.AgencyIdAsync(factory, name)).ToString()));
        }

        return await screener.PostFormAsync($"/Screening/{contactId}", fields, $"/Screening/{contactId}?handler=Checks");
    }

    private Task<bool> CheckSentAsync(Guid contactId, string agency) =>
        factory.WithDbAsync(db => db.Checks.IgnoreQueryFilters().AnyAsync(c => c.ContactId == contactId && c.Agency.Name == agency));

    [Fact]
    public async Task ApiContact_ClaimingFamilyConsentBelowThreshold_SendsNoChecksUntilAScreenerConfirmsIt()
    {
        var http = factory.CreateClient();
        var token = await TokenAsync(http);
        var notice = JsonNode.Parse(PoliceNotice(childGivenNames: "Claimed"))!.AsObject();
        notice["familyConsented"] = true;
        notice.Remove("noConsentReason");

        var posted = await PostContactAsync(http, token, notice.ToJsonString());

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var contactId = Guid.Parse((await ReadJsonAsync(posted))["id"]!.GetValue<string>());
        var childId = await factory.WithDbAsync(db => db.ContactSubjects.IgnoreQueryFilters().Where(s => s.ContactId == contactId && s.Role == SubjectRole.Child).Select(s => s.PersonId).SingleAsync());
        var row = Assert.Single(await factory.WithDbAsync(db => db.Consents.IgnoreQueryFilters().Where(c => c.PersonId == childId).ToListAsync()));
        Assert.True(row.ReportedByReferrer);
        Assert.Null(row.ConfirmedAtUtc);
        Assert.Equal(contactId, row.ContactId);

        var screener = new PageClient(factory.CreateBrowserlessClient());
        await screener.SignInAsDemoAsync("staffs.screener");
        Assert.Equal(HttpStatusCode.Redirect, (await screener.PostFormAsync($"/Screening/{contactId}", ScreeningTests.ScreeningForm("Amber", "BelowThreshold", threshold: "EarlyHelp"), $"/Screening/{contactId}?handler=Screen")).StatusCode);

        var blocked = await RequestChecksAsync(screener, contactId, Health, School);

        Assert.Equal(HttpStatusCode.OK, blocked.StatusCode);
        Assert.Contains("no practitioner has confirmed it", (await PageClient.ParseAsync(blocked)).QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.False(await CheckSentAsync(contactId, Health));
        Assert.False(await CheckSentAsync(contactId, School));

        Assert.Equal(HttpStatusCode.Redirect, (await screener.PostFormAsync($"/Consent/Confirm/{contactId}",
        [
            new("PersonIds", childId.ToString()), new("GivenBy", "ParentWithParentalResponsibility"), new("GiverName", "Dana Fictional"),
            new("Evidence", "Phone call with the mother: agreed to checks with all partners (fictional)."),
        ])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await RequestChecksAsync(screener, contactId, Health, School)).StatusCode);
        Assert.True(await CheckSentAsync(contactId, Health));
        Assert.True(await CheckSentAsync(contactId, School));
        var decisions = await factory.WithDbAsync(db => db.SharingDecisions.IgnoreQueryFilters().Where(d => d.ContactId == contactId).ToListAsync());
        Assert.All(decisions, d => Assert.Equal(LawfulBasis.Consent, d.Condition));
    }
}
