using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using static OpenMash.Web.Tests.Features.Api.ApiTestSupport;

namespace OpenMash.Web.Tests.Features.Api;

public sealed class ContactApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task PostContact_PoliceNotice_Is201StoredAwaitingScreeningFromThePoliceWithItsPeopleAndAudited()
    {
        var http = factory.CreateClient();
        var token = await TokenAsync(http);

        var response = await PostContactAsync(http, token, PoliceNotice(childGivenNames: "Created"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await ReadJsonAsync(response);
        var id = Guid.Parse(body["id"]!.GetValue<string>());
        Assert.Equal($"/api/v1/contacts/{id}", response.Headers.Location?.OriginalString);
        Assert.StartsWith("STAFFS-", body["reference"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("AwaitingScreening", body["state"]!.GetValue<string>());
        Assert.NotNull(body["receivedAt"]);

        var police = await factory.WithDbAsync(db => db.Agencies.Where(a => a.Name == "Staffordshire Police").Select(a => a.Id).SingleAsync());
        var stored = await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().Include(c => c.Subjects).SingleAsync(c => c.Id == id));
        Assert.Equal(ContactState.AwaitingScreening, stored.State);
        Assert.Equal(ContactChannel.AgencySystem, stored.Channel);
        Assert.Equal(police, stored.SourceAgencyId);
        Assert.Equal(ReferralSource.Police, stored.ReferralSource);
        Assert.Equal([ConcernCategory.DomesticAbuse, ConcernCategory.EmotionalAbuse], stored.ConcernCategories);
        Assert.Equal([SubjectRole.Child, SubjectRole.HouseholdMember], stored.Subjects.Select(s => s.Role).Order().ToList());
        var people = await factory.WithDbAsync(db => db.Persons.IgnoreQueryFilters().Where(p => stored.Subjects.Select(s => s.PersonId).Contains(p.Id)).Select(p => p.GivenNames).ToListAsync());
        Assert.Contains("Created", people);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e =>
            e.Action == AuditActions.Created(nameof(Contact)) && e.TargetId == id.ToString() && e.UserName == "api:demo-police" && e.AgencyId == police && e.UserId == null)));
    }

    [Fact]
    public async Task PostContact_WithProblems_Is400ProblemDetailsListingEveryProblemAndStoresNothing()
    {
        var http = factory.CreateClient();
        var token = await TokenAsync(http);
        var before = await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().CountAsync());
        const string json = """
            {
              "concernCategories": ["DomesticAbuse", "Burglary"],
              "referralSource": "17",
              "familyConsented": false,
              "children": [{ "givenNames": "", "familyName": "Fictional", "dateOfBirth": "2018-05-14", "sex": "X", "nhsNumber": "1234567890" }],
              "otherPeople": [{ "givenNames": "Dana", "familyName": "Fictional" }]
            }
            """;

        var response = await PostContactAsync(http, token, json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await ReadJsonAsync(response))["errors"]!.AsObject();
        Assert.Equal(
            new[]
            {
                "children[0].givenNames", "children[0].nhsNumber", "children[0].sex", "concernCategories[1]", "familyAware", "noConsentReason",
                "otherPeople[0].role", "referralSource", "referrerName", "referrerPhone", "referrerSpokenTo", "whatHappened",
            },
            errors.Select(e => e.Key).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(before, await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().CountAsync()));
    }

    [Fact]
    public async Task PostContact_WithBase64Attachments_StoresThemAndListsBadOnes()
    {
        var http = factory.CreateClient();
        var token = await TokenAsync(http);
        var notice = JsonNode.Parse(PoliceNotice(childGivenNames: "Attached"))!.AsObject();
        notice["referralSource"] = "Police";
        notice["attachments"] = new JsonArray(
            new JsonObject { ["fileName"] = "notice.pdf", ["contentBase64"] = Convert.ToBase64String("%PDF-1.7 fictional"u8.ToArray()) });

        var response = await PostContactAsync(http, token, notice.ToJsonString());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = Guid.Parse((await ReadJsonAsync(response))["id"]!.GetValue<string>());
        var file = await factory.WithDbAsync(db => db.ContactAttachments.IgnoreQueryFilters().SingleAsync(a => a.ContactId == id));
        Assert.Equal(("notice.pdf", "application/pdf"), (file.FileName, file.ContentType));
        Assert.Equal("%PDF-1.7 fictional"u8.ToArray(), file.Content);

        notice["attachments"] = new JsonArray(
            new JsonObject { ["fileName"] = "notice.pdf", ["contentBase64"] = "not base64!" },
            new JsonObject { ["fileName"] = "photo.png", ["contentBase64"] = Convert.ToBase64String("%PDF-1.7"u8.ToArray()) });
        var bad = await PostContactAsync(http, token, notice.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await ReadJsonAsync(bad))["errors"]!.AsObject();
        Assert.Equal(["attachments[0].contentBase64", "attachments[1]"], errors.Select(e => e.Key).Order(StringComparer.Ordinal).ToArray());
    }

    [Theory]
    [InlineData("{ \"referrerName\": ")]
    [InlineData("[1, 2, 3]")]
    [InlineData("null")]
    [InlineData("{ \"children\": [{ \"dateOfBirth\": \"14/05/2018\" }] }")]
    [InlineData("{ \"referrerNmae\": \"Typo\" }")]
    public async Task MalformedJson_Is400ProblemDetails_NeverA500(string json)
    {
        var http = factory.CreateClient();
        var token = await TokenAsync(http);

        var response = await PostContactAsync(http, token, json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty((await ReadJsonAsync(response))["errors"]!.AsObject());
    }

    [Fact]
    public async Task PostContact_RetriedWithTheSameIdempotencyKey_ReturnsTheFirstContactAndStoresOnlyOne()
    {
        var http = factory.CreateClient();
        var token = await TokenAsync(http);
        var body = PoliceNotice(childGivenNames: "Retried");
        var key = Guid.NewGuid().ToString();

        var first = await PostContactAsync(http, token, body, key);
        var retry = await PostContactAsync(http, token, body, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        var firstId = (await ReadJsonAsync(first))["id"]!.GetValue<string>();
        Assert.Equal(firstId, (await ReadJsonAsync(retry))["id"]!.GetValue<string>());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(1, await CountContactsForChildAsync("Retried"));
    }

    [Fact]
    public async Task PostContact_SimultaneousRetriesWithTheSameKey_StoreOneContactAndBothGetIt()
    {
        var http = factory.CreateClient();
        var token = await TokenAsync(http);
        var body = PoliceNotice(childGivenNames: "Raced");
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => PostContactAsync(factory.CreateClient(), token, body, key)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var ids = new HashSet<string>();
        foreach (var response in responses)
        {
            ids.Add((await ReadJsonAsync(response))["id"]!.GetValue<string>());
        }

        Assert.Single(ids);
        Assert.Equal(1, await CountContactsForChildAsync("Raced"));
    }

    [Fact]
    public async Task PostContact_WithoutAnIdempotencyKey_Is400ProblemDetailsAndStoresNothing()
    {
        var http = factory.CreateClient();
        var token = await TokenAsync(http);

        var response = await PostContactAsync(http, token, PoliceNotice(childGivenNames: "Keyless"), withoutKey: true);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull((await ReadJsonAsync(response))["errors"]!["Idempotency-Key"]);
        Assert.Equal(0, await CountContactsForChildAsync("Keyless"));
    }

    [Fact]
    public async Task PostContact_SameKeyWithADifferentBody_Is422AndStoresNothingMore()
    {
        var http = factory.CreateClient();
        var token = await TokenAsync(http);
        var key = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.Created, (await PostContactAsync(http, token, PoliceNotice(childGivenNames: "Keyed"), key)).StatusCode);

        var response = await PostContactAsync(http, token, PoliceNotice(childGivenNames: "Keyed", whatHappened: "A different notice."), key);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, await CountContactsForChildAsync("Keyed"));
    }

    [Fact]
    public async Task PostContact_SameKeyFromTwoClients_CreatesTwoContacts()
    {
        var http = factory.CreateClient();
        var healthSecret = await RegisterClientAsync(factory, "health-keys-test", "Demo Community Health NHS Trust");
        var key = Guid.NewGuid().ToString();

        var police = await PostContactAsync(http, await TokenAsync(http), PoliceNotice(childGivenNames: "PerClient"), key);
        var health = await PostContactAsync(http, await TokenAsync(http, "health-keys-test", healthSecret), PoliceNotice(childGivenNames: "PerClient"), key);

        Assert.Equal(HttpStatusCode.Created, police.StatusCode);
        Assert.Equal(HttpStatusCode.Created, health.StatusCode);
        Assert.NotEqual((await ReadJsonAsync(police))["id"]!.GetValue<string>(), (await ReadJsonAsync(health))["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetContact_BySendingAgency_ReturnsItWithTheOutcomeOnceDecidedAndAuditsTheRead()
    {
        var http = factory.CreateClient();
        var token = await TokenAsync(http);
        var id = Guid.Parse((await ReadJsonAsync(await PostContactAsync(http, token, PoliceNotice(childGivenNames: "Decided"))))["id"]!.GetValue<string>());

        var before = await ReadJsonAsync(await GetContactAsync(http, token, id));
        Assert.Equal("AwaitingScreening", before["state"]!.GetValue<string>());
        Assert.Null(before["outcome"]);

        await DecideAsync(id, DecisionOutcome.EarlyHelp);
        var response = await GetContactAsync(http, token, id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = await ReadJsonAsync(response);
        Assert.Equal("Decided", after["state"]!.GetValue<string>());
        Assert.Equal("EarlyHelp", after["outcome"]!.GetValue<string>());
        Assert.NotNull(after["decidedAt"]);
        Assert.Equal(["decidedAt", "id", "outcome", "outcomeName", "receivedAt", "reference", "state"], after.Select(p => p.Key).Order(StringComparer.Ordinal).ToArray());
        var subjects = await factory.WithDbAsync(db => db.ContactSubjects.IgnoreQueryFilters().Where(s => s.ContactId == id).Select(s => s.PersonId).ToListAsync());
        var reads = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.ViewContact && e.TargetId == id.ToString() && e.Outcome == AuditOutcome.Allowed).ToListAsync());
        Assert.Equal(2, reads.Count);
        Assert.All(reads, r => Assert.All(subjects, s => Assert.Contains(s.ToString(), r.Subjects, StringComparison.Ordinal)));
        Assert.All(reads, r => Assert.Equal("api:demo-police", r.UserName));
    }

    [Fact]
    public async Task GetContact_ByAnotherAgencysClient_Is404AndAuditedAsRefused()
    {
        var http = factory.CreateClient();
        var id = Guid.Parse((await ReadJsonAsync(await PostContactAsync(http, await TokenAsync(http), PoliceNotice(childGivenNames: "Private"))))["id"]!.GetValue<string>());
        var healthSecret = await RegisterClientAsync(factory, "health-reader-test", "Demo Community Health NHS Trust");

        var response = await GetContactAsync(http, await TokenAsync(http, "health-reader-test", healthSecret), id);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("Private", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var refusal = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.ViewContact && e.TargetId == id.ToString() && e.Outcome == AuditOutcome.Refused));
        Assert.Equal("api:health-reader-test", refusal.UserName);
        Assert.False(string.IsNullOrEmpty(refusal.Subjects));
    }

    [Fact]
    public async Task GetContact_ByAClientOfAnotherHub_Is404()
    {
        var http = factory.CreateClient();
        var id = Guid.Parse((await ReadJsonAsync(await PostContactAsync(http, await TokenAsync(http), PoliceNotice(childGivenNames: "OtherHub"))))["id"]!.GetValue<string>());
        var stokeSecret = await RegisterClientAsync(factory, "police-stoke-test", "Staffordshire Police", hubCode: "STOKE");

        var response = await GetContactAsync(http, await TokenAsync(http, "police-stoke-test", stokeSecret), id);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private Task<int> CountContactsForChildAsync(string givenNames) =>
        factory.WithDbAsync(db => (
            from c in db.Contacts.IgnoreQueryFilters()
            join s in db.ContactSubjects.IgnoreQueryFilters() on c.Id equals s.ContactId
            join p in db.Persons.IgnoreQueryFilters() on s.PersonId equals p.Id
            where p.GivenNames == givenNames
            select c.Id).Distinct().CountAsync());

    private Task<int> DecideAsync(Guid contactId, DecisionOutcome outcome) =>
        factory.WithDbAsync(async db =>
        {
            var contact = await db.Contacts.IgnoreQueryFilters().SingleAsync(c => c.Id == contactId);
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            db.Entry(contact).Property(c => c.State).CurrentValue = ContactState.Decided; // set up a decided contact without a decision record
            contact.DecidedAtUtc = now;
            db.Decisions.Add(new ContactDecision
            {
                Id = Guid.NewGuid(),
                HubId = contact.HubId,
                ContactId = contactId,
                ProposedByUserId = Guid.NewGuid(),
                ProposedAtUtc = now,
                Outcome = outcome,
                Rationale = "Fictional rationale for a test.",
                Status = DecisionStatus.Approved,
                DecidedAtUtc = now,
                DecidedByUserId = Guid.NewGuid(),
            });
            return await db.SaveChangesAsync();
        });
}
