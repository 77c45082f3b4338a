using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Timeliness;
using OpenMash.Web.Security;

namespace OpenMash.Web.Demo;

/// <summary>
/// New fictional families for one hub's demo cases, each a child and a parent named in a contact just received: what
/// the front door's intake writes (the contact numbered from the hub's counter, its decision due one working day after
/// receipt, any consent the referrer reported), written as the seeding actor; the work on it is <see cref="DemoWork"/>'s.
/// </summary>
public sealed class DemoCases(OpenMashDbContext db, CurrentActor actor, Hub hub, HubWorkingTime workingTime, int nhsSeed)
{
    private long? _number;
    private int _nhs = nhsSeed;

    public async Task<Contact> NewAsync(string family, string child, int age, string parent, DateTime received, ConcernCategory concern, ReferralSource source, string what, bool? familyConsented, CancellationToken ct)
    {
        actor.Set(Actor.System("seed-demo", hub.Id));
        _number ??= await db.HubSettings.Where(s => s.HubId == hub.Id).Select(s => s.LastContactNumber).SingleAsync(ct);
        var calculator = await workingTime.CalculatorAsync(ct);
        var today = DateOnly.FromDateTime(received);
        Person New(string given, DateOnly born, Sex sex)
        {
            var person = new Person
            {
                Id = Guid.NewGuid(),
                HubId = hub.Id,
                GivenNames = given,
                FamilyName = family,
                DateOfBirth = born,
                Sex = sex,
                NhsNumber = DemoAccess.NhsNumber(_nhs += 100),
                CreatedAtUtc = received.AddDays(-300),
            };
            person.Addresses.Add(new PersonAddress
            {
                Id = Guid.NewGuid(),
                HubId = hub.Id,
                PersonId = person.Id,
                Line1 = $"{family.Length + 20} Pretend Street",
                Town = "Demotown",
                Postcode = hub.Code == DemoSeeder.StaffordshireCode ? "ST17 9ZZ" : "ST6 9ZZ",
                From = today.AddYears(-2),
            });
            db.Persons.Add(person);
            return person;
        }

        var kid = New(child, today.AddYears(-age).AddDays(-(family.Length * 23)), child is "Leo" or "Jasper" ? Sex.M : Sex.F);
        var adult = New(parent, today.AddYears(-31 - (family.Length % 7)), Sex.U);
        db.PersonRelationships.Add(new PersonRelationship { Id = Guid.NewGuid(), HubId = hub.Id, PersonId = kid.Id, RelatedPersonId = adult.Id, Type = RelationshipType.ParentCarer });
        var contact = new Contact
        {
            Id = Guid.NewGuid(),
            HubId = hub.Id,
            Reference = $"{hub.Code}-{received.Year}-{++_number:D6}",
            ReceivedAtUtc = received,
            DecisionDueUtc = calculator.AddWorkingTime(new DateTimeOffset(DateTime.SpecifyKind(received, DateTimeKind.Utc)), calculator.Settings.WorkingDayLength).UtcDateTime,
            Channel = ContactChannel.Phone,
            ReferrerName = "Demo Referrer",
            ReferrerRole = source.DisplayName(),
            ReferrerEmail = "referrer@demo.openmash.example",
            ConcernCategories = [concern],
            WhatHappened = what,
            FamilyAware = true,
            FamilyConsented = familyConsented,
            NoConsentReason = familyConsented == false ? "Demo: the referrer had not asked the family about sharing with other agencies." : null,
            ReferrerSpokenTo = true,
            ReferralSource = source,
            State = ContactState.AwaitingScreening,
        };
        contact.Subjects.Add(new ContactSubject { ContactId = contact.Id, PersonId = kid.Id, HubId = hub.Id, Role = SubjectRole.Child });
        contact.Subjects.Add(new ContactSubject { ContactId = contact.Id, PersonId = adult.Id, HubId = hub.Id, Role = SubjectRole.HouseholdMember });
        db.Contacts.Add(contact);
        db.Consents.AddRange(RecordedConsent.ReportedAtIntake(contact, received, null));
        await db.SaveChangesAsync(ct);
        return contact;
    }

    /// <summary>The hub's contact counter after these cases, so the next contact recorded takes the next number.</summary>
    public async Task SaveNumberAsync(CancellationToken ct)
    {
        actor.Set(Actor.System("seed-demo", hub.Id));
        if (_number is { } last)
        {
            await db.HubSettings.Where(s => s.HubId == hub.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastContactNumber, last), ct);
        }
    }
}
