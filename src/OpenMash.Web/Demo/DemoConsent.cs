using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenMash.Sharing;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Timeliness;
using OpenMash.Web.Security;

namespace OpenMash.Web.Demo;

/// <summary>
/// Consent journeys in each demo hub, all below threshold (early help): one contact whose checks are blocked until
/// consent or an approved override is recorded, one with consent recorded, and one red contact with an override in
/// force awaiting a manager's retrospective approval; one whose referrer reported that the family consented (not
/// confirmed, so checks wait until the screener confirms it) and one where consent was sought and the answer is awaited.
/// Gives each hub's senior practitioner the consent override permission. Names are invented.
/// </summary>
public sealed class DemoConsent(OpenMashDbContext db, CurrentActor actor, UserManager<AppUser> users, TimeProvider time, IBankHolidayCalendar holidays)
{
    /// <summary>
    /// The consent journeys of one hub: the contacts as received, then screened (below threshold, checks needed and
    /// not yet asked), the consent recorded and the override requested through the application's services as the
    /// hub's demo screener and senior practitioner would (<see cref="DemoWork"/>).
    /// </summary>
    public async Task SeedAsync(Hub hub, DemoWork work, CancellationToken ct = default)
    {
        actor.Set(Actor.System("seed-demo", hub.Id));
        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var prefix = hub.Code == DemoSeeder.StaffordshireCode ? "staffs" : "stoke";
        var senior = await db.Users.SingleAsync(u => u.UserName == prefix + ".senior", ct);
        var screener = await db.Users.SingleAsync(u => u.UserName == prefix + ".screener", ct);
        if (!await users.IsInRoleAsync(senior, Roles.ConsentOverride))
        {
            var added = await users.AddToRoleAsync(senior, Roles.ConsentOverride);
            if (!added.Succeeded)
            {
                throw new InvalidOperationException("Could not give the demo senior practitioner the consent override permission");
            }
        }

        var calculator = new WorkingTimeCalculator(WorkingTimeSettings.Default, holidays);
        var number = 0;
        var received = new List<(Contact Contact, RagRating Rag)>();

        Contact Family(string family, string child, string parent, RagRating rag, DateTime at, string what, bool consented = false)
        {
            Person New(string given, DateOnly dob, Sex sex) => db.Persons.Add(new Person
            {
                Id = Guid.NewGuid(),
                HubId = hub.Id,
                GivenNames = given,
                FamilyName = family,
                DateOfBirth = dob,
                Sex = sex,
                CreatedAtUtc = at,
            }).Entity;
            var kid = New(child, today.AddYears(-7).AddDays(-40 * ++number), Sex.F);
            var adult = New(parent, today.AddYears(-33), Sex.F);
            db.PersonRelationships.Add(new PersonRelationship { Id = Guid.NewGuid(), HubId = hub.Id, PersonId = kid.Id, RelatedPersonId = adult.Id, Type = RelationshipType.ParentCarer });
            var contact = new Contact
            {
                Id = Guid.NewGuid(),
                HubId = hub.Id,
                Reference = $"{hub.Code}-{at.Year}-C{number:D5}",
                ReceivedAtUtc = at,
                // The decision clock runs from receipt: one working day, as the intake sets it.
                DecisionDueUtc = calculator.AddWorkingTime(new DateTimeOffset(at, TimeSpan.Zero), calculator.Settings.WorkingDayLength).UtcDateTime,
                Channel = ContactChannel.Phone,
                ReferrerName = "Demo Family Support Worker",
                ReferrerRole = "Family support worker",
                ReferrerAgency = "Demo Children's Centre",
                ConcernCategories = [ConcernCategory.Neglect],
                WhatHappened = what,
                FamilyAware = true,
                FamilyConsented = consented,
                NoConsentReason = consented ? null : "The referrer had not asked the family about sharing with other agencies.",
                ReferrerSpokenTo = true,
                ReferralSource = ReferralSource.Other,
                State = ContactState.AwaitingScreening,
                RecordedByUserId = screener.Id,
            };
            contact.Subjects.Add(new ContactSubject { ContactId = contact.Id, PersonId = kid.Id, HubId = hub.Id, Role = SubjectRole.Child });
            contact.Subjects.Add(new ContactSubject { ContactId = contact.Id, PersonId = adult.Id, HubId = hub.Id, Role = SubjectRole.HouseholdMember });
            db.Contacts.Add(contact);
            // The referrer's "the family consented" is kept as the intake keeps it: reported, not confirmed.
            db.Consents.AddRange(RecordedConsent.ReportedAtIntake(contact, at, screener.Id));
            received.Add((contact, rag));
            return contact;
        }

        // 1. Blocked: no consent on record, so checks cannot go until consent or an approved override is recorded.
        Family("Waitforth", "Rosie", "Morgan", RagRating.Green, now.AddHours(-5), "Demo: family struggling with debts; child often late to school and tired.");

        // 2. Consent recorded by the screener after a phone call with the mother: checks may go.
        var agreed = Family("Agreeton", "Lily", "Sasha", RagRating.Amber, now.AddHours(-6), "Demo: mother asked the children's centre for help with the child's behaviour at home.");

        // 3. Red, below threshold, no consent: the senior practitioner's override is in force, approval still due.
        var urgent = Family("Swiftover", "Ruby", "Alex", RagRating.Red, now.AddHours(-2), "Demo: child found alone at home late at night; mother cannot be reached.");

        // 4. The referrer said the family consented: a consent record reported by the referrer, not confirmed; checks
        // below threshold wait until the screener confirms it with the family.
        Family("Claimworth", "Daisy", "Robin", RagRating.Green, now.AddHours(-3), "Demo: child's attendance has fallen; the family support worker says the mother agreed to agencies being asked.", consented: true);

        // 5. Consent sought from the father by phone, the answer awaited: checks below threshold wait for it.
        var asked = Family("Askwith", "Mabel", "Jamie", RagRating.Amber, now.AddHours(-7), "Demo: child seems withdrawn at nursery; the family asked for parenting support.");
        await db.SaveChangesAsync(ct);

        // Each screened an hour after it came in: early help, below threshold, so partner checks need consent.
        foreach (var (contact, rag) in received)
        {
            await DemoPaths.ScreenAsync(work, prefix, contact, rag, ThresholdLevel.EarlyHelp, noChecks: false, contact.ReceivedAtUtc.AddHours(1), ct);
        }

        await DemoPaths.ConsentAsync(work, prefix, agreed, ConsentStatus.Given, "Sasha Agreeton", now.AddHours(-4), "Verbal, phone call with mother (demo).", ct);
        await DemoPaths.ConsentAsync(work, prefix, asked, ConsentStatus.Sought, "Jamie Askwith", now.AddHours(-5), "Demo: phone call with the parent; they will ring back after talking it over.", ct);
        await work.AsAsync(prefix + ".senior", now.AddMinutes(-50), ct);
        DemoWork.Ok(await work.Overrides.RequestOverrideAsync(urgent, "Demo: the mother cannot be reached and the child may be left alone again tonight; police and health must be asked now.", ct), "request the red override");

        // Where consent or the override covers them, the screener has sent the checks, so those two wait for partners;
        // the other three wait, screened, for consent (or its confirmation) before any check can go.
        var partners = await db.Agencies.Where(a => a.Hubs.Any(h => h.HubId == hub.Id) && (a.Type == AgencyType.Police || (a.Type == AgencyType.Health && a.IsLeadSafeguardingPartner)))
            .Select(a => a.Id).ToListAsync(ct);
        await DemoPaths.RequestAsync(work, prefix, agreed, partners, now.AddHours(-3).AddMinutes(-30), ct);
        await DemoPaths.RequestAsync(work, prefix, urgent, partners, now.AddMinutes(-40), ct);
        actor.Set(Actor.System("seed-demo", hub.Id));
    }
}
