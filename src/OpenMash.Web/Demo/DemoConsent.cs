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
    public async Task SeedAsync(IEnumerable<Hub> hubs, CancellationToken ct = default)
    {
        foreach (var hub in hubs)
        {
            actor.Set(Actor.System("seed-demo", hub.Id));
            await SeedHubAsync(hub, ct);
        }
    }

    private async Task SeedHubAsync(Hub hub, CancellationToken ct)
    {
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

        Contact Family(string family, string child, string parent, RagRating rag, DateTime received, string what)
        {
            Person New(string given, DateOnly dob, Sex sex) => db.Persons.Add(new Person
            {
                Id = Guid.NewGuid(),
                HubId = hub.Id,
                GivenNames = given,
                FamilyName = family,
                DateOfBirth = dob,
                Sex = sex,
                CreatedAtUtc = received,
            }).Entity;
            var kid = New(child, today.AddYears(-7).AddDays(-40 * ++number), Sex.F);
            var adult = New(parent, today.AddYears(-33), Sex.F);
            db.PersonRelationships.Add(new PersonRelationship { Id = Guid.NewGuid(), HubId = hub.Id, PersonId = kid.Id, RelatedPersonId = adult.Id, Type = RelationshipType.ParentCarer });
            var due = calculator.For(rag, new DateTimeOffset(received, TimeSpan.Zero));
            var contact = new Contact
            {
                Id = Guid.NewGuid(),
                HubId = hub.Id,
                Reference = $"{hub.Code}-{received.Year}-C{number:D5}",
                ReceivedAtUtc = received,
                Channel = ContactChannel.Phone,
                ReferrerName = "Demo Family Support Worker",
                ReferrerRole = "Family support worker",
                ReferrerAgency = "Demo Children's Centre",
                ConcernCategories = [ConcernCategory.Neglect],
                WhatHappened = what,
                FamilyAware = true,
                FamilyConsented = false,
                NoConsentReason = "The referrer had not asked the family about sharing with other agencies.",
                ReferrerSpokenTo = true,
                ReferralSource = ReferralSource.Other,
                State = ContactState.AwaitingScreening,
                Rag = rag,
                ScreenedAtUtc = received.AddHours(1),
                ChecksDueUtc = due.ChecksDue.UtcDateTime,
                DecisionDueUtc = due.DecisionDue.UtcDateTime,
                RecordedByUserId = screener.Id,
            };
            contact.Subjects.Add(new ContactSubject { ContactId = contact.Id, PersonId = kid.Id, HubId = hub.Id, Role = SubjectRole.Child });
            contact.Subjects.Add(new ContactSubject { ContactId = contact.Id, PersonId = adult.Id, HubId = hub.Id, Role = SubjectRole.HouseholdMember });
            db.Contacts.Add(contact);
            db.Screenings.Add(new ContactScreening
            {
                ContactId = contact.Id,
                HubId = hub.Id,
                ScreenedByUserId = screener.Id,
                ScreenedAtUtc = received.AddHours(1),
                Rag = rag,
                Threshold = ThresholdLevel.EarlyHelp,
                ThresholdRationale = "Demo: additional needs, no suspicion of significant harm; early help with the family's agreement.",
                ChildSpokenTo = true,
                ChildViewsOrReason = "Demo: says she would like help at home.",
                ConsentView = SafeguardingThreshold.BelowThreshold,
                ConsentRationale = "Below threshold: the family's consent is needed before partner checks.",
                LawfulBasis = Article6Basis.PublicTask,
            });
            return contact;
        }

        // 1. Blocked: no consent on record, so checks cannot go until consent or an approved override is recorded.
        Family("Waitforth", "Rosie", "Morgan", RagRating.Green, now.AddHours(-5), "Demo: family struggling with debts; child often late to school and tired.");

        // 2. Consent recorded by the screener after a phone call with the mother: checks may go.
        var agreed = Family("Agreeton", "Lily", "Sasha", RagRating.Amber, now.AddHours(-6), "Demo: mother asked the children's centre for help with the child's behaviour at home.");
        var agreedChild = agreed.Subjects.First(s => s.Role == SubjectRole.Child).PersonId;
        db.Consents.Add(new RecordedConsent
        {
            Id = Guid.NewGuid(),
            HubId = hub.Id,
            PersonId = agreedChild,
            ContactId = agreed.Id,
            Status = ConsentStatus.Given,
            GivenBy = ConsentGiver.ParentWithParentalResponsibility,
            GiverName = "Sasha Agreeton",
            AgencyTypes = [AgencyType.Health, AgencyType.Education, AgencyType.Police],
            Purposes = [SharingPurpose.SafeguardingScreening, SharingPurpose.EarlyHelp],
            DecidedOn = today,
            RecordedAtUtc = now.AddHours(-4),
            ExpiresOn = today.AddMonths(6),
            Evidence = "Verbal, phone call with mother (demo).",
            RecordedByUserId = screener.Id,
            RecordedByName = screener.DisplayName,
        });

        // 3. Red, below threshold, no consent: the senior practitioner's override is in force, approval still due.
        var urgent = Family("Swiftover", "Ruby", "Alex", RagRating.Red, now.AddHours(-2), "Demo: child found alone at home late at night; mother cannot be reached.");
        var requested = now.AddHours(-1);
        db.ConsentOverrides.Add(new ConsentOverrideRequest
        {
            Id = Guid.NewGuid(),
            HubId = hub.Id,
            ContactId = urgent.Id,
            RequestedByUserId = senior.Id,
            RequestedByName = senior.DisplayName,
            RequestedAtUtc = requested,
            Justification = "Demo: the mother cannot be reached and the child may be left alone again tonight; police and health must be asked now.",
            Rag = RagRating.Red,
            TakesEffectAtOnce = true,
            ApprovalDueUtc = calculator.For(RagRating.Red, new DateTimeOffset(requested, TimeSpan.Zero)).DecisionDue.UtcDateTime,
            Status = OverrideStatus.Pending,
        });

        // 4. The referrer said the family consented: a consent record reported by the referrer, not confirmed; checks
        // below threshold wait until the screener confirms it with the family.
        var reported = Family("Claimworth", "Daisy", "Robin", RagRating.Green, now.AddHours(-3), "Demo: child's attendance has fallen; the family support worker says the mother agreed to agencies being asked.");
        reported.FamilyConsented = true;
        reported.NoConsentReason = null;
        db.Consents.AddRange(RecordedConsent.ReportedAtIntake(reported, now.AddHours(-3), screener.Id));

        // 5. Consent sought from the father by phone, the answer awaited: checks below threshold wait for it.
        var asked = Family("Askwith", "Mabel", "Jamie", RagRating.Amber, now.AddHours(-7), "Demo: child seems withdrawn at nursery; the family asked for parenting support.");
        db.Consents.Add(new RecordedConsent
        {
            Id = Guid.NewGuid(),
            HubId = hub.Id,
            PersonId = asked.Subjects.First(s => s.Role == SubjectRole.Child).PersonId,
            ContactId = asked.Id,
            Status = ConsentStatus.Sought,
            GivenBy = ConsentGiver.ParentWithParentalResponsibility,
            GiverName = "Jamie Askwith",
            AgencyTypes = [AgencyType.Health, AgencyType.Education],
            Purposes = [SharingPurpose.SafeguardingScreening],
            DecidedOn = today,
            RecordedAtUtc = now.AddHours(-5),
            Evidence = "Demo: phone call with the parent; they will ring back after talking it over.",
            RecordedByUserId = screener.Id,
            RecordedByName = screener.DisplayName,
        });
        await db.SaveChangesAsync(ct);
    }
}
