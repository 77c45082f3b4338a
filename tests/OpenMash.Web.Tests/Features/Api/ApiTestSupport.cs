using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenMash.Web.Features.Api;
using OpenMash.Web.Security;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Features.Api;

/// <summary>The application with a known secret for the demo police system.</summary>
public sealed class ApiFactory : OpenMashFactory
{
    public const string PoliceClientId = "demo-police";
    public const string PoliceSecret = "fictional-police-secret-for-tests-0001";

    public ApiFactory()
    {
        Settings["Demo:ApiClientSecret"] = PoliceSecret;
    }
}

public static class ApiTestSupport
{
    public static async Task<HttpResponseMessage> RequestTokenAsync(HttpClient http, string clientId, string secret, string grantType = "client_credentials") =>
        await http.PostAsync(
            new Uri("/connect/token", UriKind.Relative),
            new FormUrlEncodedContent([new("grant_type", grantType), new("client_id", clientId), new("client_secret", secret)]));

    public static async Task<string> TokenAsync(HttpClient http, string clientId = ApiFactory.PoliceClientId, string secret = ApiFactory.PoliceSecret)
    {
        var response = await RequestTokenAsync(http, clientId, secret);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return body!["access_token"]!.GetValue<string>();
    }

    /// <summary>Posts a contact with <paramref name="idempotencyKey"/>, or a new key each call (as a client must); <paramref name="withoutKey"/> sends none.</summary>
    public static async Task<HttpResponseMessage> PostContactAsync(HttpClient http, string token, string json, string? idempotencyKey = null, bool withoutKey = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/contacts", UriKind.Relative))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (!withoutKey)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey ?? Guid.NewGuid().ToString());
        }

        return await http.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> GetContactAsync(HttpClient http, string token, Guid id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/v1/contacts/{id}", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request);
    }

    /// <summary>A police public-protection notice about one child and her mother (all fictional).</summary>
    public static string PoliceNotice(string childGivenNames = "Ellie", string whatHappened = "Officers attended a domestic incident at the home; Ellie was present.") =>
        JsonSerializer.Serialize(new
        {
            referrerName = "PC Demo Officer 4521",
            referrerRole = "Public protection unit",
            referrerAgency = "Staffordshire Police",
            referrerPhone = "01234 000999",
            referrerEmail = "ppu.demo@example.org",
            concernCategories = new[] { "DomesticAbuse", "EmotionalAbuse" },
            whatHappened,
            childsVoice = "She said she was scared when the shouting started.",
            familyAware = true,
            familyConsented = false,
            noConsentReason = "Seeking consent would prejudice the child's protection",
            referrerSpokenTo = true,
            referralSource = "6",
            children = new[] { new { givenNames = childGivenNames, familyName = "Fictional", dateOfBirth = "2018-05-14", sex = "F", postcode = "ST16 2LH" } },
            otherPeople = new[] { new { role = "HouseholdMember", givenNames = "Dana", familyName = "Fictional", sex = "F" } },
        });

    public static async Task<JsonObject> ReadJsonAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    /// <summary>Registers a client directly, as an administrator would, and returns its secret.</summary>
    public static async Task<string> RegisterClientAsync(OpenMashFactory factory, string clientId, string agencyName, string hubCode = "STAFFS")
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(Actor.System("test"));
        var db = scope.ServiceProvider.GetRequiredService<Data.OpenMashDbContext>();
        var agencyId = await db.Agencies.Where(a => a.Name == agencyName).Select(a => a.Id).SingleAsync();
        var hubId = await db.Hubs.Where(h => h.Code == hubCode).Select(h => h.Id).SingleAsync();
        var (_, secret) = await scope.ServiceProvider.GetRequiredService<ApiClientRegistry>().RegisterAsync(clientId, clientId + " (test)", agencyId, hubId);
        return secret;
    }
}
