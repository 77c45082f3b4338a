using Microsoft.EntityFrameworkCore;
using OpenMash.Sharing;
using OpenMash.Web.Data;
using OpenMash.Web.Security;

namespace OpenMash.Web.Demo;

/// <summary>
/// Demonstration data for sharing between the two hubs: asymmetric agreements for screening (Stoke-on-Trent tells
/// Staffordshire only that it knows a child; Staffordshire shares its social care history with Stoke-on-Trent) and
/// fictional children known to both hubs, with the same NHS number in each.
/// </summary>
public static class DemoAccess
{
    public static readonly (string Given, string Family, DateOnly Born, int NhsSeed)[] SharedChildren =
    [
        ("Juniper", "Crossfield-Demo", new DateOnly(2014, 9, 3), 999_476_100),
        ("Sorrel", "Twohubs-Demo", new DateOnly(2017, 2, 21), 999_476_200),
    ];

    /// <summary>Asymmetric screening agreements between the two hubs' social care teams; saved with the seeder's other agreements.</summary>
    public static void AddAgreements(OpenMashDbContext db, Hub staffs, Hub stoke, DateTime from) =>
        db.DataSharingAgreements.AddRange(
            DataSharingAgreement.BetweenTypes("Stoke-on-Trent to Staffordshire: known to social care, for screening (demo)", AgreementEffect.Allow,
                AgencyType.ChildrensSocialCare, stoke.Id, AgencyType.ChildrensSocialCare, staffs.Id, DataCategory.SocialCareHistory, SharingPurpose.SafeguardingScreening, SharingMode.Existence, from),
            DataSharingAgreement.BetweenTypes("Staffordshire to Stoke-on-Trent: social care history, for screening (demo)", AgreementEffect.Allow,
                AgencyType.ChildrensSocialCare, staffs.Id, AgencyType.ChildrensSocialCare, stoke.Id, DataCategory.SocialCareHistory, SharingPurpose.SafeguardingScreening, SharingMode.Content, from));

    /// <summary>
    /// Fictional children known to both hubs, with the same NHS number in each, and a decided contact about each in
    /// this hub: screened, proposed and approved through the application's services by the hub's demo screener and
    /// manager. Returns the last contact number used, so the other hub's contacts carry on from it.
    /// </summary>
    public static async Task<int> SeedAsync(OpenMashDbContext db, CurrentActor actor, DemoWork work, Hub hub, int number, CancellationToken ct)
    {
        var from = new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc);
        var prefix = hub.Code == DemoSeeder.StaffordshireCode ? "staffs" : "stoke";
        foreach (var (given, family, born, seed) in SharedChildren)
        {
            actor.Set(Actor.System("seed-demo", hub.Id));
            var child = new Person
            {
                Id = Guid.NewGuid(),
                HubId = hub.Id,
                GivenNames = given,
                FamilyName = family,
                DateOfBirth = born,
                Sex = Sex.F,
                NhsNumber = NhsNumber(seed),
                CreatedAtUtc = from,
            };
            child.Addresses.Add(new PersonAddress
            {
                Id = Guid.NewGuid(),
                HubId = hub.Id,
                PersonId = child.Id,
                Line1 = hub.Code == DemoSeeder.StaffordshireCode ? "3 Demo Lane" : "18 Example Road",
                Town = hub.Code == DemoSeeder.StaffordshireCode ? "Demotown" : "Sampleton",
                Postcode = hub.Code == DemoSeeder.StaffordshireCode ? "ST16 9ZZ" : "ST4 9ZZ",
                From = new DateOnly(2024, 1, 1),
            });
            db.Persons.Add(child);
            var received = from.AddDays(10 + number % 30).AddHours(9);
            var contact = new Contact
            {
                Id = Guid.NewGuid(),
                HubId = hub.Id,
                Reference = $"{hub.Code}-{received.Year}-{++number:D6}",
                ReceivedAtUtc = received,
                Channel = ContactChannel.Phone,
                ReferrerName = "Demo Referrer",
                ReferrerRole = "Youth worker",
                ConcernCategories = [ConcernCategory.MissingFromHomeOrCare],
                WhatHappened = "Fictional: missing overnight twice this month, seen with older young people in the other authority's area.",
                FamilyAware = true,
                ReferralSource = ReferralSource.OtherIndividual,
                State = ContactState.AwaitingScreening,
            };
            contact.Subjects.Add(new ContactSubject { ContactId = contact.Id, PersonId = child.Id, HubId = hub.Id, Role = SubjectRole.Child });
            db.Contacts.Add(contact);
            await db.SaveChangesAsync(ct);

            await DemoPaths.ScreenAsync(work, prefix, contact, RagRating.Amber, ThresholdLevel.ChildInNeed, noChecks: true, received.AddHours(2), ct);
            await DemoPaths.DecideAsync(work, prefix, contact, DecisionOutcome.ChildInNeedAssessment, PrimaryNeed.N1, "Assessment Team (demo)", received.AddHours(10), received.AddHours(20), ct);
        }

        actor.Set(Actor.System("seed-demo"));
        return number;
    }

    /// <summary>Nine digits from the seed and their modulus-11 check digit, skipping seeds whose check digit would be 10.</summary>
    public static string NhsNumber(int seed)
    {
        for (var n = seed; ; n++)
        {
            var digits = n.ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
            var check = 11 - (digits.Select((c, i) => (c - '0') * (10 - i)).Sum() % 11);
            check = check == 11 ? 0 : check;
            if (check != 10 && Identifiers.IsValidNhsNumber(digits + check))
            {
                return digits + check;
            }
        }
    }
}
