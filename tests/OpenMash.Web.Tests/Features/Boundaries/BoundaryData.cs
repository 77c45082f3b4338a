using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenMash.Sharing;
using OpenMash.Web.Features.Contacts;
using OpenMash.Web.Tests.Features.People;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Features.Boundaries;

/// <summary>One agency's answer, written straight to the database: the boundary tests are about who sees it, not how it was given.</summary>
public sealed record AnswerData(string Agency, string Summary, bool Known = true, params (string Text, ItemRestrictions Restrictions)[] Items);

public static class BoundaryData
{
    public const string Police = "Staffordshire Police";
    public const string Health = "Demo Community Health NHS Trust";
    public const string StaffsSchool = "Oakbrook Primary School (demo)";

    /// <summary>A contact about one new fictional child, with each agency's check answered as given.</summary>
    public static Task<Guid> ContactWithAnswersAsync(
        OpenMashFactory factory, string hubCode, string childGivenName, ConcernCategory concern, ContactSource source, params AnswerData[] answers) =>
        TestPeople.AsHubAsync(factory, hubCode, async (services, db) =>
        {
            var input = new NewContact
            {
                Channel = ContactChannel.Phone,
                ReferrerName = "Pat Referrer",
                ReferrerRole = "Teacher",
                ReferrerAgency = StaffsSchool,
                ReferrerPhone = "01234 000111",
                ReferrerRelationship = "Class teacher",
                ConcernCategories = [concern],
                WhatHappened = "Fictional: a concern for the boundary tests.",
                FamilyAware = true,
                FamilyConsented = true,
                ReferrerSpokenTo = true,
                ReferralSource = ReferralSource.Schools,
                People = [new NewPerson(SubjectRole.Child, GivenNames: childGivenName, FamilyName: "Boundary", DateOfBirth: new DateOnly(2011, 3, 2), Sex: Sex.F)],
            };
            var (contact, errors) = await services.GetRequiredService<ContactService>().CreateAsync(input, source);
            Assert.Empty(errors);
            var now = DateTime.UtcNow;
            foreach (var answer in answers)
            {
                var check = new MultiAgencyCheck
                {
                    Id = Guid.NewGuid(),
                    HubId = contact!.HubId,
                    ContactId = contact.Id,
                    AgencyId = await db.Agencies.Where(a => a.Name == answer.Agency).Select(a => a.Id).SingleAsync(),
                    RequestedAtUtc = now,
                    DueAtUtc = now,
                    Status = CheckStatus.Answered,
                    AnsweredAtUtc = now,
                    Known = answer.Known,
                    Summary = answer.Summary,
                };
                check.Items.AddRange(answer.Items.Select(i => new CheckItem { Id = Guid.NewGuid(), HubId = check.HubId, CheckId = check.Id, Text = i.Text, Restrictions = i.Restrictions }));
                db.Checks.Add(check);
            }

            await db.SaveChangesAsync();
            return contact!.Id;
        });

    public static Task<Guid> CheckIdAsync(OpenMashFactory factory, Guid contactId, string agency) =>
        factory.WithDbAsync(db => db.Checks.IgnoreQueryFilters().Where(c => c.ContactId == contactId && c.Agency.Name == agency).Select(c => c.Id).SingleAsync());

    public static Task<Guid> AgreementIdAsync(OpenMashFactory factory, string name) =>
        factory.WithDbAsync(db => db.DataSharingAgreements.Where(a => a.Name == name).Select(a => a.Id).FirstAsync());

    public static async Task<PageClient> SignInAsync(OpenMashFactory factory, string user)
    {
        var client = new PageClient(factory.CreateBrowserlessClient());
        await client.SignInAsDemoAsync(user);
        return client;
    }

    public static Task<List<string?>> DecisionsAsync(OpenMashFactory factory, string user, AuditOutcome outcome, string targetId) =>
        factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.SharingDecision && e.UserName == user && e.Outcome == outcome && e.TargetId == targetId)
            .Select(e => e.Detail).ToListAsync());
}
