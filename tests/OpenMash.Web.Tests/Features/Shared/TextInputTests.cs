using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Tests.Features.Api;
using OpenMash.Web.Tests.Infrastructure;
using static OpenMash.Web.Tests.Features.Api.ApiTestSupport;

namespace OpenMash.Web.Tests.Features.Shared;

/// <summary>Finding 13: names and free text refuse control and text-direction characters, and are stored in NFC, on pages and in the API.</summary>
public sealed class TextInputTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    public static TheoryData<string> BadNames => new() { "Nul \u202Eome", "Nul\0l", "Is\u2066olated", "Two\nlines" };

    /// <summary>On pages a NUL never reaches the page: ASP.NET Core's form reader refuses %00 with 400 (see the NUL test).</summary>
    public static TheoryData<string> BadPageNames => new() { "Nul \u202Eome", "Is\u2066olated", "Two\nlines", "Bell\u0007" };

    [Theory]
    [MemberData(nameof(BadNames))]
    public async Task ApiContact_WithABadCharacterInAName_Is400NamingTheFieldAndStoresNothing(string name)
    {
        var http = factory.CreateClient();
        var before = await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().CountAsync());

        var response = await PostContactAsync(http, await TokenAsync(http), PoliceNotice(childGivenNames: name));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await ReadJsonAsync(response))["errors"]!.AsObject();
        var field = Assert.Single(errors, e => e.Key.Contains("givenNames", StringComparison.OrdinalIgnoreCase));
        Assert.Matches("hidden control or text-direction characters|must be on one line", field.Value!.ToJsonString());
        Assert.Equal(before, await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().CountAsync()));
    }

    [Fact]
    public async Task ApiContact_WithADecomposedName_StoresItInNfc()
    {
        var http = factory.CreateClient();
        var decomposed = "Zoe\u0301";

        var response = await PostContactAsync(http, await TokenAsync(http), PoliceNotice(childGivenNames: decomposed, whatHappened: "Cafe\u0301 incident\nover two lines."));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = Guid.Parse((await ReadJsonAsync(response))["id"]!.GetValue<string>());
        var names = await factory.WithDbAsync(db => (from s in db.ContactSubjects.IgnoreQueryFilters()
                                                     join p in db.Persons.IgnoreQueryFilters() on s.PersonId equals p.Id
                                                     where s.ContactId == id && s.Role == SubjectRole.Child
                                                     select p.GivenNames).ToListAsync());
        Assert.Equal(["Zo\u00E9"], names);
        var whatHappened = await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().Where(c => c.Id == id).Select(c => c.WhatHappened).SingleAsync());
        Assert.Equal("Caf\u00E9 incident\nover two lines.", whatHappened);
    }

    /// <summary>A screener with a contact draft started, at the children step.</summary>
    private async Task<PageClient> StartContactAsync(string user)
    {
        var client = new PageClient(factory.CreateBrowserlessClient());
        await client.SignInAsDemoAsync(user);
        var received = await client.PostFormAsync("/Contacts/New/received",
            [new("Channel", "Phone"), new("ReceivedDate.Day", "2"), new("ReceivedDate.Month", "3"), new("ReceivedDate.Year", "2025"), new("ReceivedTime", "09:15")]);
        Assert.Equal(HttpStatusCode.Redirect, received.StatusCode);
        return client;
    }

    [Theory]
    [MemberData(nameof(BadPageNames))]
    public async Task IntakePage_WithABadCharacterInAChildsName_ShowsTheErrorSummary(string name)
    {
        var client = await StartContactAsync("staffs.screener");

        var response = await client.PostFormAsync("/Contacts/New/children/0",
            [new("GivenNames", name), new("FamilyName", "Texttest"), new("DateOfBirth.Day", "14"), new("DateOfBirth.Month", "7"), new("DateOfBirth.Year", "2016"), new("Sex", "F")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = (await PageClient.ParseAsync(response)).QuerySelector(".govuk-error-summary")?.TextContent;
        Assert.Matches("First name must (not contain hidden control or text-direction characters|be on one line)", summary);
    }

    [Fact]
    public async Task IntakePage_WithANulInAChildsName_IsRefusedAndNotSaved()
    {
        var client = await StartContactAsync("staffs.screener");

        var response = await client.PostFormAsync("/Contacts/New/children/0",
            [new("GivenNames", "Nul\0l"), new("FamilyName", "Texttest"), new("DateOfBirth.Day", "14"), new("DateOfBirth.Month", "7"), new("DateOfBirth.Year", "2016"), new("Sex", "F")]);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.OK, $"{response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.OK)
        {
            Assert.Contains("hidden control", (await PageClient.ParseAsync(response)).QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        }

        var drafts = await factory.WithDbAsync(db => db.ContactDrafts.IgnoreQueryFilters().Select(d => d.Json).ToListAsync());
        Assert.DoesNotContain(drafts.SelectMany(d => Strings(JsonDocument.Parse(d).RootElement)), v => v.Contains('\0', StringComparison.Ordinal));
    }

    [Fact]
    public async Task IntakePage_WithADecomposedName_KeepsItInNfc()
    {
        var client = await StartContactAsync("stoke.screener");

        var response = await client.PostFormAsync("/Contacts/New/children/0",
            [new("GivenNames", "Zoe\u0301"), new("FamilyName", "Nfctest"), new("DateOfBirth.Day", "14"), new("DateOfBirth.Month", "7"), new("DateOfBirth.Year", "2016"), new("Sex", "F")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var drafts = await factory.WithDbAsync(db => db.ContactDrafts.IgnoreQueryFilters().Select(d => d.Json).ToListAsync());
        var saved = drafts.SelectMany(d => Strings(JsonDocument.Parse(d).RootElement)).ToList();
        Assert.Contains("Zo\u00E9", saved);
        Assert.DoesNotContain("Zoe\u0301", saved);
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };
}
