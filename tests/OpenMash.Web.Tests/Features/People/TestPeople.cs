using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Contacts;
using OpenMash.Web.Security;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Features.People;

/// <summary>Fictional people and contacts written straight into a hub, and valid identifiers made by computing their check characters.</summary>
public static class TestPeople
{
    private const string UpnLetters = "ABCDEFGHJKLMNPQRTUVWXYZ";

    private static int _serial = 100_000;

    /// <summary>A valid NHS number: nine digits from <paramref name="seed"/> and their modulus-11 check digit (seeds giving 10 are skipped).</summary>
    public static string NhsNumber(int seed)
    {
        for (var n = seed; ; n++)
        {
            var digits = (n % 1_000_000_000).ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
            var sum = digits.Select((c, i) => (c - '0') * (10 - i)).Sum();
            var check = 11 - (sum % 11);
            if (check == 11)
            {
                check = 0;
            }

            if (check != 10)
            {
                return digits + check;
            }
        }
    }

    /// <summary>A valid UPN: 12 characters after the check letter (the last may be a letter), then the check letter in front.</summary>
    public static string Upn(string twelve)
    {
        var sum = 0;
        for (var position = 2; position <= 13; position++)
        {
            var c = twelve[position - 2];
            sum += (char.IsAsciiDigit(c) ? c - '0' : UpnLetters.IndexOf(c, StringComparison.Ordinal)) * position;
        }

        return UpnLetters[sum % 23] + twelve;
    }

    public static async Task<Guid> HubIdAsync(OpenMashFactory factory, string code) =>
        await factory.WithDbAsync(db => db.Hubs.Where(h => h.Code == code).Select(h => h.Id).SingleAsync());

    public static async Task<Guid> UserIdAsync(OpenMashFactory factory, string userName) =>
        await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    public static async Task<T> AsHubAsync<T>(OpenMashFactory factory, string hubCode, Func<IServiceProvider, OpenMashDbContext, Task<T>> work)
    {
        var hubId = await HubIdAsync(factory, hubCode);
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(Actor.System("test", hubId));
        return await work(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<OpenMashDbContext>());
    }

    public static Task<Person> AddPersonAsync(OpenMashFactory factory, string hubCode, string givenNames, string familyName, string? nhsNumber = null, string? postcode = null, Guid? mergedInto = null) =>
        AsHubAsync(factory, hubCode, async (_, db) =>
        {
            var person = new Person
            {
                Id = Guid.NewGuid(),
                HubId = db.CurrentHubId!.Value,
                GivenNames = givenNames,
                FamilyName = familyName,
                DateOfBirth = new DateOnly(2016, 4, 12),
                Sex = Sex.F,
                NhsNumber = nhsNumber,
                MergedIntoId = mergedInto,
            };
            if (postcode is not null)
            {
                person.Addresses.Add(new PersonAddress { Id = Guid.NewGuid(), HubId = person.HubId, PersonId = person.Id, Line1 = "1 Example Street", Postcode = postcode, From = new DateOnly(2020, 1, 1) });
            }

            db.Persons.Add(person);
            await db.SaveChangesAsync();
            return person;
        });

    /// <summary>A contact about one new fictional child, recorded through <see cref="ContactService"/> as the given source.</summary>
    public static Task<Contact> AddContactAsync(OpenMashFactory factory, string hubCode, ContactSource source, string childGivenName = "Ellie", bool withAttachment = false, Guid? existingPerson = null) =>
        AsHubAsync(factory, hubCode, async (services, _) =>
        {
            var serial = Interlocked.Increment(ref _serial);
            var child = existingPerson is { } id
                ? new NewPerson(SubjectRole.Child, id)
                : new NewPerson(SubjectRole.Child, GivenNames: childGivenName, FamilyName: "Testcase", DateOfBirth: new DateOnly(2015, 6, 1), Sex: Sex.F, NhsNumber: NhsNumber(serial));
            var input = new NewContact
            {
                Channel = ContactChannel.Phone,
                ReferrerName = "Pat Referrer",
                ReferrerRole = "Teacher",
                ReferrerAgency = "Oakbrook Primary School (demo)",
                ReferrerPhone = "01234 000111",
                ReferrerRelationship = "Class teacher",
                ConcernCategories = [ConcernCategory.Neglect],
                WhatHappened = "Fictional: the child arrived hungry three days running.",
                FamilyAware = true,
                FamilyConsented = true,
                ReferrerSpokenTo = true,
                ReferralSource = ReferralSource.Schools,
                People = [child],
                Attachments = withAttachment ? [new NewAttachment("note.pdf", "application/pdf", Encoding.ASCII.GetBytes("%PDF-1.4 fictional note"))] : [],
            };
            var (contact, errors) = await services.GetRequiredService<ContactService>().CreateAsync(input, source);
            Assert.Empty(errors);
            return contact!;
        });
}
