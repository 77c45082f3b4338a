using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Timeliness;
using ItemRestrictions = OpenMash.Sharing.ItemRestrictions;

namespace OpenMash.Web.Demo;

/// <summary>
/// Fictional families and contacts in every state of the front door for one hub, some overdue, dated relative to
/// now so that the demo always shows a working hub. Surnames are invented and obviously not real.
/// </summary>
public sealed class DemoFrontDoor(OpenMashDbContext db, TimeProvider time, IBankHolidayCalendar holidays)
{
    private static readonly string[] FamilyNames = ["Demoford", "Testington", "Sampleby", "Fictionley", "Mockridge", "Placeholt"];
    private static readonly string[] GirlNames = ["Amelia", "Isla", "Poppy", "Maisie", "Freya", "Ivy"];
    private static readonly string[] BoyNames = ["Oliver", "Noah", "Leo", "Archie", "Theo", "Alfie"];

    public async Task SeedAsync(Hub hub, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var calculator = new WorkingTimeCalculator(WorkingTimeSettings.Default, holidays);
        var users = await db.Users.Where(u => u.HubId == hub.Id && u.IsDemoAccount).ToDictionaryAsync(u => u.UserName!.Split('.')[1], ct);
        var agencies = await db.Agencies.Where(a => a.Hubs.Any(h => h.HubId == hub.Id)).ToListAsync(ct);
        var police = agencies.Single(a => a.Type == AgencyType.Police);
        var health = agencies.First(a => a.Type == AgencyType.Health && a.IsLeadSafeguardingPartner);
        var school = agencies.First(a => a.Type == AgencyType.Education);
        var screener = users["screener"];
        var discloser = agencies.SingleOrDefault(a => a.Id == screener.AgencyId);
        var screenings = new Dictionary<Guid, ContactScreening>();
        var consents = new Dictionary<Guid, List<RecordedConsent>>();
        var number = 0L;
        var postcodePrefix = hub.Code == DemoSeeder.StaffordshireCode ? "ST16" : "ST4";

        Person NewPerson(string given, string family, DateOnly? dob, Sex sex, int house)
        {
            var person = new Person
            {
                Id = Guid.NewGuid(),
                HubId = hub.Id,
                GivenNames = given,
                FamilyName = family,
                DateOfBirth = dob,
                Sex = sex,
                EthnicityCode = "WBRI",
                NhsNumber = dob is null ? null : FictionalNhsNumber(),
                CreatedAtUtc = now.AddDays(-400),
            };
            person.Addresses.Add(new PersonAddress
            {
                Id = Guid.NewGuid(),
                HubId = hub.Id,
                PersonId = person.Id,
                Line1 = $"{house} Imaginary Lane",
                Town = "Demotown",
                Postcode = $"{postcodePrefix} {house % 9 + 1}ZZ",
                From = today.AddYears(-3),
            });
            db.Persons.Add(person);
            return person;
        }

        void Relate(Person a, Person b, RelationshipType type) =>
            db.PersonRelationships.Add(new PersonRelationship { Id = Guid.NewGuid(), HubId = hub.Id, PersonId = a.Id, RelatedPersonId = b.Id, Type = type });

        // Six families: a parent and one or two children each.
        var families = new List<(Person Parent, List<Person> Children)>();
        for (var f = 0; f < FamilyNames.Length; f++)
        {
            var family = FamilyNames[f];
            var parent = NewPerson(f % 2 == 0 ? "Jordan" : "Casey", family, today.AddYears(-34 - f), f % 2 == 0 ? Sex.F : Sex.M, 10 + f);
            var children = new List<Person> { NewPerson(GirlNames[f], family, today.AddYears(-4 - (2 * f)).AddDays(-37 * f), Sex.F, 10 + f) };
            if (f % 2 == 0)
            {
                children.Add(NewPerson(BoyNames[f], family, today.AddYears(-2 - f).AddDays(-11 * f), Sex.M, 10 + f));
                Relate(children[0], children[1], RelationshipType.Sibling);
            }

            foreach (var child in children)
            {
                Relate(child, parent, RelationshipType.ParentCarer);
            }

            families.Add((parent, children));
        }

        db.Involvements.Add(new Involvement
        {
            Id = Guid.NewGuid(),
            HubId = hub.Id,
            PersonId = families[1].Children[0].Id,
            Service = InvolvementService.SocialCare,
            Team = "Children in Need Team North (demo)",
            Worker = "Demo Social Worker",
            OpenedOn = today.AddMonths(-2),
        });
        db.Involvements.Add(new Involvement
        {
            Id = Guid.NewGuid(),
            HubId = hub.Id,
            PersonId = families[3].Children[0].Id,
            Service = InvolvementService.EarlyHelp,
            Team = "Family Support Hub (demo)",
            Worker = "Demo Family Practitioner",
            OpenedOn = today.AddMonths(-5),
        });

        Contact NewContact(int family, DateTime received, ConcernCategory concern, string what, ContactState state, ContactChannel channel = ContactChannel.Phone)
        {
            var (parent, children) = families[family];
            var contact = new Contact
            {
                Id = Guid.NewGuid(),
                HubId = hub.Id,
                Reference = $"{hub.Code}-{received.Year}-{++number:D6}",
                ReceivedAtUtc = received,
                // The decision clock runs from receipt: one working day, as ContactService sets it.
                DecisionDueUtc = calculator.AddWorkingTime(new DateTimeOffset(DateTime.SpecifyKind(received, DateTimeKind.Utc)), calculator.Settings.WorkingDayLength).UtcDateTime,
                Channel = channel,
                ReferrerName = "Demo Referrer",
                ReferrerRole = "Designated safeguarding lead",
                ReferrerAgency = school.Name,
                ReferrerEmail = "dsl@school.example",
                ReferrerUserId = channel == ContactChannel.Portal ? users["referrer"].Id : null,
                SourceAgencyId = school.Id,
                RecordedByUserId = users["screener"].Id,
                ConcernCategories = [concern],
                WhatHappened = what,
                ReferrerRequest = "Advice and a check on the family's circumstances.",
                ChildsVoice = "\"I don't like it when they shout.\"",
                FamilyAware = true,
                FamilyConsented = state == ContactState.AwaitingScreening ? null : true,
                ReferrerSpokenTo = true,
                ReferralSource = ReferralSource.Schools,
                State = state,
            };
            foreach (var child in children)
            {
                contact.Subjects.Add(new ContactSubject { ContactId = contact.Id, PersonId = child.Id, HubId = hub.Id, Role = SubjectRole.Child });
            }

            contact.Subjects.Add(new ContactSubject { ContactId = contact.Id, PersonId = parent.Id, HubId = hub.Id, Role = SubjectRole.HouseholdMember });
            db.Contacts.Add(contact);
            return contact;
        }

        void Screen(Contact contact, RagRating rag, ThresholdLevel threshold, DateTime at)
        {
            var due = calculator.For(rag, new DateTimeOffset(contact.ReceivedAtUtc, TimeSpan.Zero));
            // A contact seeded as waiting for partners or a decision keeps that state; one seeded as awaiting screening
            // moves on to the decision, as when the screener needs no checks.
            contact.MarkScreened(at, rag, due.ChecksDue.UtcDateTime, due.DecisionDue.UtcDateTime, noChecksNeeded: true);
            contact.FamilyConsented = true;

            // The referrer's "the family consented" is a consent record reported by the referrer, which the screener
            // confirmed with the parent at screening.
            var reported = RecordedConsent.ReportedAtIntake(contact, contact.ReceivedAtUtc, screener.Id);
            foreach (var consent in reported)
            {
                consent.Confirm(ConsentGiver.ParentWithParentalResponsibility, families[FamilyOf(contact)].Parent.FullName, null,
                    "Demo: phone call with the parent at screening; agreed to checks with all partners.", at, screener.Id, screener.DisplayName);
            }

            db.Consents.AddRange(reported);
            consents[contact.Id] = [.. reported];
            var screening = new ContactScreening
            {
                ContactId = contact.Id,
                HubId = hub.Id,
                ScreenedByUserId = users["screener"].Id,
                ScreenedAtUtc = at,
                Rag = rag,
                Threshold = threshold,
                ThresholdRationale = "Demo rationale: concerns recorded by school; history considered.",
                ChildSpokenTo = true,
                ChildViewsOrReason = "Spoken to at school with the safeguarding lead present.",
                ConsentView = threshold >= ThresholdLevel.ChildInNeed ? SafeguardingThreshold.AboveThreshold : SafeguardingThreshold.BelowThreshold,
                ConsentRationale = threshold >= ThresholdLevel.ChildInNeed ? "Harm suspected: sharing without consent is lawful." : "Parent consented to checks.",
                LawfulBasis = Article6Basis.PublicTask,
                WithoutConsentReason = threshold >= ThresholdLevel.ChildInNeed ? OpenMash.Sharing.NotSoughtReason.WouldPrejudiceProtection : null,
            };
            db.Screenings.Add(screening);
            screenings[contact.Id] = screening;
        }

        int FamilyOf(Contact contact) => families.FindIndex(f => contact.Subjects.Any(s => s.PersonId == f.Parent.Id));

        // The sharing decision each check carries, as the check service writes it: the consent gate's verdict, with the
        // condition of the discloser (the screener's agency, children's social care), not of the recipient.
        void Decision(Contact contact, Agency agency, Guid checkId, DateTime requested)
        {
            var screening = screenings[contact.Id];
            var threshold = screening.AllowsSharingWithoutConsent ? OpenMash.Sharing.SafeguardingThreshold.AboveThreshold : OpenMash.Sharing.SafeguardingThreshold.BelowThreshold;
            var gate = OpenMash.Sharing.ConsentGate.Evaluate(new OpenMash.Sharing.ConsentGateRequest(
                threshold, new OpenMash.Sharing.AgencyId(agency.Id), agency.Type, OpenMash.Sharing.SharingPurpose.SafeguardingScreening, new DateTimeOffset(requested, TimeSpan.Zero),
                consents.GetValueOrDefault(contact.Id, []).Select(c => c.ToGateRecord()).ToList(), null, screening.WithoutConsentReason, screening.ConsentRationale,
                discloser?.Type ?? AgencyType.ChildrensSocialCare));
            db.SharingDecisions.Add(new SharingDecisionRecord
            {
                Id = Guid.NewGuid(),
                HubId = hub.Id,
                ContactId = contact.Id,
                Origin = SharingDecisionOrigin.ChecksRequested,
                CheckId = checkId,
                DecidedByUserId = screener.Id,
                DecidedByName = screener.DisplayName,
                DecidedAtUtc = requested,
                Share = true,
                DiscloserAgencyId = discloser?.Id,
                DiscloserOrganisation = discloser?.Name ?? "The hub's front door (children's social care)",
                Reasons = gate.Reason,
                Items = $"Multi-agency check request: the children's names and dates of birth, the concerns ({string.Join(", ", contact.ConcernCategories.Select(c => c.DisplayName()))}) and the question what the agency holds that is relevant.",
                RecipientAgencyId = agency.Id,
                RecipientOrganisation = agency.Name,
                RecipientPerson = "The agency's MASH researchers",
                Purpose = OpenMash.Sharing.SharingPurpose.SafeguardingScreening,
                Article6 = screening.LawfulBasis,
                Condition = gate.LawfulBasis,
                ConsentStatus = gate.ConsentStatus,
                NotSoughtReason = gate.ConsentStatus == OpenMash.Sharing.ConsentStatus.NotSought && screening.AllowsSharingWithoutConsent ? screening.WithoutConsentReason : null,
                FamilyTold = contact.FamilyAware == true,
                FamilyNotToldReason = contact.FamilyAware == true ? null : "Demo: not told before the checks.",
                IdentitiesWithheld = "The referrer's name and contact details are not included in check requests.",
            });
        }

        MultiAgencyCheck Check(Contact contact, Agency agency, DateTime requested, DateTime? answered, bool known = true)
        {
            contact.ChecksRequestedAtUtc = requested;
            var check = new MultiAgencyCheck
            {
                Id = Guid.NewGuid(),
                HubId = hub.Id,
                ContactId = contact.Id,
                AgencyId = agency.Id,
                RequestedByUserId = users["screener"].Id,
                RequestedAtUtc = requested,
                DueAtUtc = contact.ChecksDueUtc ?? requested.AddHours(4),
                Status = answered is null ? CheckStatus.Requested : CheckStatus.Answered,
                AnsweredAtUtc = answered,
                AnsweredByUserId = answered is null ? null : users[agency.Type == AgencyType.Police ? "police" : "health"].Id,
                Known = answered is null ? null : known,
                Summary = answered is null ? null : known ? "Known to this agency (demo)." : "Not known.",
                Details = answered is null || !known ? null : "Demo details: one previous attendance recorded.",
            };
            // Every child, then the household adults (asked about domestic abuse history), each answered for.
            var position = 0;
            foreach (var subject in contact.Subjects.OrderBy(s => s.Role == SubjectRole.Child ? 0 : 1))
            {
                var person = new CheckPerson { Id = Guid.NewGuid(), HubId = hub.Id, CheckId = check.Id, PersonId = subject.PersonId, Position = position++, AsAdult = subject.Role != SubjectRole.Child };
                if (answered is not null)
                {
                    person.Answer(known && !person.AsAdult, person.AsAdult ? false : null);
                }

                check.People.Add(person);
            }

            if (answered is not null && known)
            {
                check.Items.Add(new CheckItem
                {
                    Id = Guid.NewGuid(),
                    HubId = hub.Id,
                    CheckId = check.Id,
                    PersonId = check.People.FirstOrDefault(p => !p.AsAdult)?.PersonId,
                    Text = "Demo item: attended an incident at the address last year.",
                    Restrictions = agency.Type == AgencyType.Police ? ItemRestrictions.NotForFamily : ItemRestrictions.MashSocialWorkersOnly,
                });
            }

            db.Checks.Add(check);
            Decision(contact, agency, check.Id, requested);
            return check;
        }

        void Decide(Contact contact, DecisionOutcome outcome, DateTime proposed, DateTime? decided)
        {
            contact.DecisionProposedAtUtc = proposed;
            db.Decisions.Add(new ContactDecision
            {
                Id = Guid.NewGuid(),
                HubId = hub.Id,
                ContactId = contact.Id,
                ProposedByUserId = users["screener"].Id,
                ProposedAtUtc = proposed,
                Outcome = outcome,
                Rationale = "Demo rationale for the proposed outcome.",
                Team = outcome == DecisionOutcome.EarlyHelp ? "Family Support Hub (demo)" : "Assessment Team (demo)",
                PrimaryNeed = outcome == DecisionOutcome.NoFurtherAction ? PrimaryNeed.N9 : PrimaryNeed.N1,
                Status = decided is null ? DecisionStatus.Proposed : DecisionStatus.Approved,
                DecidedByUserId = decided is null ? null : users["manager"].Id,
                DecidedAtUtc = decided,
            });
            if (decided is not null)
            {
                contact.Decide(decided.Value, calculator.AddWorkingTime(new DateTimeOffset(decided.Value, TimeSpan.Zero), calculator.Settings.WorkingDayLength).UtcDateTime);
                if (!string.IsNullOrWhiteSpace(contact.ReferrerEmail))
                {
                    // The demo's feedback went where the demo's mail goes: the pickup folder (no mail server in the demo).
                    var sentAt = decided.Value.AddMinutes(20);
                    db.Outbox.Add(new OutboxMessage
                    {
                        Id = Guid.NewGuid(),
                        HubId = hub.Id,
                        Kind = MessageKinds.ReferrerFeedback,
                        ContactId = contact.Id,
                        ToAddress = contact.ReferrerEmail,
                        Subject = $"Outcome of your contact {contact.Reference}",
                        Body = $"Thank you for your contact {contact.Reference}. The hub has decided what happens next.",
                        CreatedAtUtc = decided.Value,
                        NextAttemptAtUtc = decided.Value,
                        State = DeliveryState.Sent,
                        Attempts = 1,
                        LastAttemptAtUtc = sentAt,
                        SentAtUtc = sentAt,
                        Route = DeliveryRoute.PickupFolder,
                    });
                    contact.FeedbackSentAtUtc = sentAt;
                }
            }
        }

        // Decided, months ago: the repeat contacts about family 0 (the third is flagged at screening).
        var early = NewContact(0, now.AddMonths(-9), ConcernCategory.Neglect, "Children arrived at school hungry and without coats on several days.", ContactState.AwaitingScreening);
        Screen(early, RagRating.Green, ThresholdLevel.EarlyHelp, early.ReceivedAtUtc.AddHours(3));
        Decide(early, DecisionOutcome.EarlyHelp, early.ReceivedAtUtc.AddHours(5), early.ReceivedAtUtc.AddHours(6));
        var second = NewContact(0, now.AddMonths(-4), ConcernCategory.Neglect, "Attendance has dropped and the home was cold during a visit.", ContactState.AwaitingScreening);
        Screen(second, RagRating.Amber, ThresholdLevel.EarlyHelp, second.ReceivedAtUtc.AddHours(2));
        Check(second, health, second.ReceivedAtUtc.AddHours(2), second.ReceivedAtUtc.AddHours(4));
        Decide(second, DecisionOutcome.NoFurtherAction, second.ReceivedAtUtc.AddHours(6), second.ReceivedAtUtc.AddHours(7));

        // Awaiting screening: a third contact about family 0 today, and one received two days ago (overdue).
        NewContact(0, now.AddHours(-1), ConcernCategory.EmotionalWellbeing, "The older child disclosed feeling unsafe at home.", ContactState.AwaitingScreening, ContactChannel.Portal);
        var stale = NewContact(2, now.AddDays(-2), ConcernCategory.DomesticAbuse, "Police attended a domestic incident at the home overnight; children present.", ContactState.AwaitingScreening);

        // Awaiting partner information: one check answered, one overdue.
        var waiting = NewContact(4, now.AddDays(-1), ConcernCategory.CriminalExploitation, "Child seen with older youths and new expensive clothes; missing twice.", ContactState.AwaitingPartnerInformation);
        Screen(waiting, RagRating.Red, ThresholdLevel.ChildInNeed, waiting.ReceivedAtUtc.AddMinutes(40));
        Check(waiting, police, waiting.ReceivedAtUtc.AddHours(1), null);
        Check(waiting, health, waiting.ReceivedAtUtc.AddHours(1), waiting.ReceivedAtUtc.AddHours(2), known: false);

        // Awaiting decision: all checks answered, a proposal with the manager.
        var ready = NewContact(1, now.AddHours(-5), ConcernCategory.PhysicalAbuse, "Bruise to the cheek noticed by the class teacher; explanation inconsistent.", ContactState.AwaitingDecision);
        Screen(ready, RagRating.Red, ThresholdLevel.ChildProtection, ready.ReceivedAtUtc.AddMinutes(30));
        Check(ready, police, ready.ReceivedAtUtc.AddHours(1), ready.ReceivedAtUtc.AddHours(2));
        Check(ready, health, ready.ReceivedAtUtc.AddHours(1), ready.ReceivedAtUtc.AddHours(3));
        ready.ChecksCompletedAtUtc = ready.ReceivedAtUtc.AddHours(3);
        Decide(ready, DecisionOutcome.StrategyDiscussion, ready.ReceivedAtUtc.AddHours(3).AddMinutes(30), null);

        // Decided this week, with feedback sent.
        var decided = NewContact(5, now.AddDays(-3), ConcernCategory.OnlineHarm, "Child shared images with an unknown adult online; parents supportive.", ContactState.AwaitingScreening);
        Screen(decided, RagRating.Amber, ThresholdLevel.ChildInNeed, decided.ReceivedAtUtc.AddHours(1));
        Check(decided, police, decided.ReceivedAtUtc.AddHours(1), decided.ReceivedAtUtc.AddHours(3));
        decided.ChecksCompletedAtUtc = decided.ReceivedAtUtc.AddHours(3);
        Decide(decided, DecisionOutcome.ChildInNeedAssessment, decided.ReceivedAtUtc.AddHours(4), decided.ReceivedAtUtc.AddHours(5));

        await db.HubSettings.Where(s => s.HubId == hub.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastContactNumber, number), ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A number with a valid check digit in the 999 range, which the NHS never issues (used for testing).</summary>
    private static string FictionalNhsNumber()
    {
        while (true)
        {
            var stem = "999" + Random.Shared.Next(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            if (Matching.NhsNumber.CheckDigit(stem) is var check and >= 0)
            {
                return stem + check.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }
}
