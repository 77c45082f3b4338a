using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenMash.Web.Features.Contacts;
using OpenMash.Web.Security;
using OpenMash.Web.Tests.Features.Api;
using OpenMash.Web.Tests.Features.People;
using OpenMash.Web.Tests.Features.Screening;
using OpenMash.Web.Tests.Infrastructure;
using static OpenMash.Web.Tests.Features.Api.ApiTestSupport;

namespace OpenMash.Web.Tests.Features.Referrals;

/// <summary>Security finding 2: a contact is a referrer's only when they (or a colleague of their agency) made it.</summary>
public sealed class ReferrerIdentityTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string SchoolLeadEmail = "staffs.referrer@demo.openmash.example";

    private async Task<PageClient> SignInAsync(string user)
    {
        var client = new PageClient(factory.CreateBrowserlessClient());
        await client.SignInAsDemoAsync(user);
        return client;
    }

    [Fact]
    public async Task PoliceApiContact_CarryingASchoolLeadsEmail_IsNotThatLeadsReferral()
    {
        var http = factory.CreateClient();
        var notice = JsonNode.Parse(PoliceNotice(childGivenNames: "Collision", whatHappened: "Police-only detail: officers attended a fictional incident at the home."))!.AsObject();
        notice["referrerEmail"] = SchoolLeadEmail;

        var posted = await PostContactAsync(http, await TokenAsync(http), notice.ToJsonString());

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var contactId = Guid.Parse((await ReadJsonAsync(posted))["id"]!.GetValue<string>());
        var stored = await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().SingleAsync(c => c.Id == contactId));
        Assert.Null(stored.ReferrerUserId);
        Assert.Equal(SchoolLeadEmail, stored.ReferrerEmail);

        var lead = await SignInAsync("staffs.referrer");
        var (_, list) = await lead.GetPageAsync("/Referrals");
        var (details, page) = await lead.GetPageAsync($"/Referrals/{contactId}");

        Assert.Null(list.QuerySelector($"[data-referral='{contactId}']"));
        Assert.DoesNotContain(stored.Reference, list.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, details.StatusCode);
        Assert.DoesNotContain("Police-only detail", page.Body?.TextContent ?? string.Empty, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e =>
            e.Action == AuditActions.ViewReferral && e.Outcome == AuditOutcome.Refused && e.UserName == "staffs.referrer" && e.TargetId == contactId.ToString())));
    }

    [Fact]
    public async Task SchoolReferral_MadeByAColleague_IsSeenByTheSchoolButNotByAnotherAgency()
    {
        await FrontDoorData.AddDemoUserAsync(factory, "staffs.referrer-colleague", Roles.Referrer, "STAFFS", "Oakbrook Primary School (demo)");
        await FrontDoorData.AddDemoUserAsync(factory, "staffs.referrer-health", Roles.Referrer, "STAFFS", "Demo Community Health NHS Trust");
        var lead = await SignInAsync("staffs.referrer");
        var made = await lead.PostFormAsync("/Referrals/New",
        [
            new("GivenNames", "Colleaguecase"), new("FamilyName", "Portalcase"), new("DateOfBirth.Day", "3"), new("DateOfBirth.Month", "9"), new("DateOfBirth.Year", "2017"),
            new("Sex", "M"), new("Concerns", "EmotionalWellbeing"), new("WhatHappened", "Fictional: withdrawn in class for two weeks."),
            new("FamilyAware", "yes"), new("FamilyConsented", "yes"), new("ReferrerPhone", "01234 000333"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var contactId = Guid.Parse(made.Headers.Location!.OriginalString.Split('/')[^1]);

        var colleague = await SignInAsync("staffs.referrer-colleague");
        var (_, colleagueList) = await colleague.GetPageAsync("/Referrals");
        var (colleagueDetails, _) = await colleague.GetPageAsync($"/Referrals/{contactId}");
        var health = await SignInAsync("staffs.referrer-health");
        var (_, healthList) = await health.GetPageAsync("/Referrals");
        var (healthDetails, _) = await health.GetPageAsync($"/Referrals/{contactId}");

        Assert.Equal("Demo School Safeguarding Lead (Staffordshire)", colleagueList.QuerySelector($"[data-referral='{contactId}'] [data-field=made-by]")?.TextContent);
        Assert.Equal(HttpStatusCode.OK, colleagueDetails.StatusCode);
        Assert.Null(healthList.QuerySelector($"[data-referral='{contactId}']"));
        Assert.Equal(HttpStatusCode.NotFound, healthDetails.StatusCode);
        var (_, ownList) = await lead.GetPageAsync("/Referrals");
        Assert.Equal("You", ownList.QuerySelector($"[data-referral='{contactId}'] [data-field=made-by]")?.TextContent);
    }

    [Fact]
    public async Task StaffRecordedContact_WithTheLeadsEmail_IsNotInTheLeadsReferrals()
    {
        var contact = await TestPeople.AsHubAsync(factory, "STAFFS", async (services, _) =>
        {
            var (created, errors) = await services.GetRequiredService<ContactService>().CreateAsync(new NewContact
            {
                Channel = ContactChannel.Phone,
                ReferrerName = "Pat Caller",
                ReferrerRole = "Neighbour",
                ReferrerEmail = SchoolLeadEmail,
                ConcernCategories = [ConcernCategory.Neglect],
                WhatHappened = "Fictional concern.",
                FamilyAware = true,
                FamilyConsented = false,
                NoConsentReason = "Not asked",
                ReferrerSpokenTo = true,
                ReferralSource = ReferralSource.OtherIndividual,
                People = [new NewPerson(SubjectRole.Child, GivenNames: "Phonecase", FamilyName: "Emailtest", DateOfBirth: new DateOnly(2016, 2, 2), Sex: Sex.F)],
            }, new ContactSource());
            Assert.Empty(errors);
            return created!;
        });

        var lead = await SignInAsync("staffs.referrer");
        var (details, _) = await lead.GetPageAsync($"/Referrals/{contact.Id}");

        Assert.Null(contact.ReferrerUserId);
        Assert.Equal(HttpStatusCode.NotFound, details.StatusCode);
    }
}
