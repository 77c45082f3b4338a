using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Tests.Features.Screening;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Features.DataSharing;

/// <summary>Partner answers on the screening page pass the sharing policy; a database of its own, because it revokes agreements.</summary>
public sealed class AnswerSharingTests(OpenMashFactory factory) : IClassFixture<OpenMashFactory>
{
    private const string Police = "Staffordshire Police";
    private const string Health = "Demo Community Health NHS Trust";

    [Fact]
    public async Task ScreeningPage_AfterAnAgreementIsRevoked_HidesThatAgencysAnswerSaysWhyAndAuditsTheDecision()
    {
        var hub = await FrontDoorData.HubIdAsync(factory);
        var (contactId, _) = await FrontDoorData.ContactAsync(factory, hub, [FrontDoorData.Child("Rowan", "Sharewell")], null, true);
        var screener = new PageClient(factory.CreateBrowserlessClient());
        await screener.SignInAsDemoAsync("staffs.screener");
        Assert.Equal(HttpStatusCode.Redirect, (await screener.PostFormAsync($"/Screening/{contactId}", ScreeningTests.ScreeningForm("Amber", "AboveThreshold"), $"/Screening/{contactId}?handler=Screen")).StatusCode);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("AgencyIds", (await FrontDoorData.AgencyIdAsync(factory, Police)).ToString()),
            new("AgencyIds", (await FrontDoorData.AgencyIdAsync(factory, Health)).ToString()),
        };
        await screener.PostFormAsync($"/Screening/{contactId}", fields, $"/Screening/{contactId}?handler=Checks");
        foreach (var (user, agency, text) in new[] { ("staffs.police", Police, "Police summary (fictional)"), ("staffs.health", Health, "Health summary (fictional)") })
        {
            var researcher = new PageClient(factory.CreateBrowserlessClient());
            await researcher.SignInAsDemoAsync(user);
            var checkId = await factory.WithDbAsync(db => db.Checks.IgnoreQueryFilters().Where(c => c.ContactId == contactId && c.Agency.Name == agency).Select(c => c.Id).SingleAsync());
            await researcher.PostFormAsync($"/Checks/{checkId}", await Checks.CheckForms.HeldAboutFirstChildAsync(factory, checkId, text, (text + " item", [])));
        }

        var (_, before) = await screener.GetPageAsync($"/Screening/{contactId}");
        Assert.Contains("Police summary", before.QuerySelector($"[data-testid=answer][data-agency='{Police}']")!.TextContent, StringComparison.Ordinal);

        var admin = new PageClient(factory.CreateBrowserlessClient());
        await admin.SignInAsDemoAsync("staffs.admin");
        var incidents = await factory.WithDbAsync(db => db.DataSharingAgreements.Where(a => a.Name.StartsWith("Police incidents") && a.SourceHubId == hub).Select(a => a.Id).FirstAsync());
        await AgreementSteps.RevokeAsync(admin, incidents);

        var (_, after) = await screener.GetPageAsync($"/Screening/{contactId}");
        var police = after.QuerySelector($"[data-testid=answer][data-agency='{Police}']")!;
        Assert.DoesNotContain("Police summary", after.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("No data sharing agreement lets Staffordshire Police share police incidents", police.QuerySelector("[data-testid=not-shared]")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Health summary", after.QuerySelector($"[data-testid=answer][data-agency='{Health}']")!.TextContent, StringComparison.Ordinal);
        var refused = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.SharingDecision && e.Outcome == AuditOutcome.Refused && e.UserName == "staffs.screener")
            .Select(e => e.Detail).ToListAsync());
        Assert.Contains(refused, d => d!.Contains("police incidents from Staffordshire Police: refused (no agreement covers it); policy", StringComparison.Ordinal));
    }
}
