using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Features.Contacts;
using OpenMash.Web.Tests.Features.Api;
using static OpenMash.Web.Tests.Features.Boundaries.BoundaryData;

namespace OpenMash.Web.Tests.Features.Boundaries;

/// <summary>With the policy revision row gone the policy cannot load: nothing from partners shows anywhere. A database of its own.</summary>
public sealed class BoundaryFailClosedTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task WithNoPolicy_NoPartnerInformationShows_OnAnyBoundary()
    {
        var referrerId = await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "staffs.referrer").Select(u => u.Id).SingleAsync());
        var policeId = await factory.WithDbAsync(db => db.Agencies.Where(a => a.Name == Police).Select(a => a.Id).SingleAsync());
        var contactId = await ContactWithAnswersAsync(factory, "STAFFS", "Fern", ConcernCategory.ChildSexualExploitation, new ContactSource(ReferrerUserId: referrerId, SourceAgencyId: policeId),
            new AnswerData(Health, "Health: policy-less secret (fictional)."),
            new AnswerData(Police, "Police: policy-less secret (fictional)."),
            new AnswerData(StaffsSchool, "School: policy-less secret (fictional)."));
        var stokeContact = await ContactWithAnswersAsync(factory, "STOKE", "Ivy", ConcernCategory.Trafficking, new ContactSource(), new AnswerData(Police, "Police STOKE: policy-less secret (fictional)."));
        var health = await SignInAsync(factory, "staffs.health");
        var referrer = await SignInAsync(factory, "staffs.referrer");
        var member = await SignInAsync(factory, "joint.cetg");
        Assert.Contains("Police: policy-less secret", (await health.GetPageAsync($"/Checks/{await CheckIdAsync(factory, contactId, Health)}")).Document.Body!.TextContent, StringComparison.Ordinal);

        await factory.WithDbAsync(db => db.SharingPolicyRevisions.Where(r => r.Id == SharingPolicyRevision.SingletonId).ExecuteDeleteAsync());

        var (_, research) = await health.GetPageAsync($"/Checks/{await CheckIdAsync(factory, contactId, Health)}");
        Assert.DoesNotContain("Police: policy-less secret", research.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("School: policy-less secret", research.Body.TextContent, StringComparison.Ordinal);
        Assert.Contains("The data sharing policy could not be loaded",
            research.QuerySelector($"[data-testid=partner-answer][data-agency='{Police}'] [data-testid=not-shared]")!.TextContent, StringComparison.Ordinal);

        var screener = await SignInAsync(factory, "staffs.screener");
        var (_, timeline) = await screener.GetPageAsync($"/Screening/{contactId}/Timeline");
        Assert.DoesNotContain("Known to the agency", timeline.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("The answer is not shared with you", timeline.Body.TextContent, StringComparison.Ordinal);
        var (_, screening) = await screener.GetPageAsync($"/Screening/{contactId}");
        Assert.DoesNotContain("policy-less secret", screening.Body!.TextContent, StringComparison.Ordinal);

        var (_, feedback) = await referrer.GetPageAsync($"/Referrals/{contactId}");
        // The referrer's own school answered too: its own answer is its own; nothing from another agency shows.
        Assert.Equal([StaffsSchool], feedback.QuerySelectorAll("[data-testid=partner-answer]").Select(a => a.GetAttribute("data-agency")).ToList());
        Assert.DoesNotContain("Police: policy-less secret", feedback.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Health: policy-less secret", feedback.Body.TextContent, StringComparison.Ordinal);

        var (_, taskGroup) = await member.GetPageAsync("/TaskGroup");
        Assert.Empty(taskGroup.QuerySelectorAll("[data-testid=taskgroup-record]"));
        Assert.DoesNotContain("Ivy", taskGroup.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Fern", taskGroup.Body.TextContent, StringComparison.Ordinal);

        var http = factory.CreateClient();
        var token = await ApiTestSupport.TokenAsync(http);
        var response = await PartnerInformationAsync(http, token, contactId);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("policy-less secret", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var unavailable = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.SharingDecision && e.UserName == "joint.cetg" && e.TargetId == stokeContact.ToString()).Select(e => e.Detail).ToListAsync());
        Assert.Contains(unavailable, d => d!.Contains("refused (the sharing policy could not be loaded); policy unavailable", StringComparison.Ordinal));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.ViewPartnerInformation && e.Outcome == AuditOutcome.Refused && e.TargetId == contactId.ToString())));
    }

    internal static async Task<HttpResponseMessage> PartnerInformationAsync(HttpClient http, string token, Guid id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/v1/contacts/{id}/partner-information", UriKind.Relative));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request);
    }

    internal static async Task<JsonObject> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
}
