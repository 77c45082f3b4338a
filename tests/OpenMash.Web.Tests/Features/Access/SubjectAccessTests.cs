using System.Net;
using System.Reflection;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenMash.Sharing;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Access;
using OpenMash.Web.Features.DataSharing;
using OpenMash.Web.Features.Decisions;
using OpenMash.Web.Tests.Features.Screening;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Features.Access;

/// <summary>Subject access: complete, with third parties and restricted items withheld and listed; IG officers of the person's hub only.</summary>
public sealed class SubjectAccessTests(OpenMashFactory factory) : IClassFixture<OpenMashFactory>
{
    private const string Police = "Staffordshire Police";
    private const string Health = "Demo Community Health NHS Trust";

    [Fact]
    public async Task TheExportHoldsOneRowOfEveryKind_OrListsItAsWithheld_InThePreviewAndTheDownload()
    {
        var (personId, contactReference) = await AddOneOfEverythingAsync();
        await AllowPoliceForSubjectAccessAsync();
        var ig = await AccessData.SignInAsync(factory, "staffs.ig");

        var (response, preview) = await ig.GetPageAsync($"/Access/SubjectAccess/{personId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var download = await ig.Http.GetAsync(new Uri($"/Access/SubjectAccess/{personId}?handler=Download", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/html", download.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", download.Content.Headers.ContentDisposition?.DispositionType, StringComparison.Ordinal);
        var file = await new HtmlParser().ParseDocumentAsync(await download.Content.ReadAsStringAsync());
        Assert.Equal("en-GB", file.DocumentElement.GetAttribute("lang"));
        Assert.Empty(file.QuerySelectorAll("script, link, img"));

        foreach (var text in new[] { preview.QuerySelector("[data-testid=sar-preview]")!.TextContent, file.Body!.TextContent })
        {
            // Held about the person: every kind appears.
            foreach (var expected in new[]
            {
                "Sarah-Jo", "Everykind", "Alias Kindly", "999 476 5914", "22 Complete Street", "ST17 4AA", // person, address
                "Family Support (SAR test team)", // involvement
                contactReference, "Fictional: SAR test, what happened.", "Fictional: SAR test, child's words.", // contact
                "Fictional: SAR test threshold reasoning.", // screening
                "Fictional: police summary for SAR.", "Fictional: open police item.", // check and unrestricted item
                "Fictional: SAR test decision reasons.", "Fictional: manager comment for SAR.", // decision
                "Fictional: no strategy discussion because SAR test.", // strategy discussion
                "Fictional: duplicate record merged for SAR test.", // merge
                "The child is missing", // break-glass grant: the reason, not the explanation
                "Parent or carer of yours", // relationship, without the name
                "Fictional: SAR test consent evidence.", // consent
                "Sharing without consent (overrides)", "Recorded, withheld", // override, its reasons withheld
                "Fictional: SAR test reasons not to share.", "Fictional Dental Practice", // sharing decision
                $"Withheld: {Health} has not agreed to release it in a subject access response", // no agreement for health
                "Fictional: SAR test, about the sibling.", "Withheld (third party)", // a contact about the sibling, their views withheld
            })
            {
                Assert.Contains(expected, text, StringComparison.Ordinal);
            }

            // Third parties and restricted items: absent.
            foreach (var hidden in new[]
            {
                "Gideon Thirdparty", "Referrer Secretname", "07700 900111", "secret.referrer@example.org", "Sibling Otherchild", "Consenting Parentname", "Recipient Hiddenname",
                "Fictional: not for the family item.", "Fictional: police eyes only item.", "sar-attachment.pdf", "Outcome of your contact",
                "Fictional: health summary no SAR agreement.", "Fictional: health item no SAR agreement.", // no agreement lets health release it
                "Fictional: referrer asked for a visit.", "Other individual", // an individual referrer: who and what they asked withheld
                "Fictional: sibling's words.", "Fictional: sibling's additional needs.", "Fictional: sibling's views at screening.", // another child's
                "Fictional: family not told because of risk.", "Fictional: the neighbour's identity kept from the dentist.", // protective free text
                "Fictional: SAR test override justification.", "Fictional: SAR test break-glass explanation.",
            })
            {
                Assert.DoesNotContain(hidden, text, StringComparison.Ordinal);
            }
        }

        var redactions = file.QuerySelectorAll("tr[data-redaction]").Select(r => r.TextContent).ToList();
        foreach (var kind in new[]
        {
            "Third party: referrer identity",
            "Third party: a related person's name and details",
            "Third party: another person named in the contact (household member)",
            "Attachment (application/pdf",
            "Third party: message to the referrer",
            "Third party: the name of the parent or carer who answered",
            "Third party: the name of the person at the receiving organisation",
            $"Withheld by {Police}: not for the family",
            $"Withheld by {Police}: supplying agency only",
            $"Information from {Health}Information from {Health} for contact",
            $"No data sharing agreement lets {Health} share health records with your agency for a subject access request. Ask",
            "Third party: who raised the concern (a private individual) and what they asked for",
            "Third party: the child's views and additional needs",
            "Third party: the child's views, or why they were not sought",
            "Why the family was not told",
            "Whose identities were kept from the recipient",
            "The practitioner's reasons for sharing without consent",
            "The requesting practitioner's explanation",
        })
        {
            Assert.Contains(redactions, r => r.Contains(kind, StringComparison.Ordinal));
        }

        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.SubjectAccessExport && e.UserName == "staffs.ig" && e.TargetId == personId.ToString()).ToListAsync());
        Assert.Equal(2, audit.Count);
        Assert.All(audit, e =>
        {
            Assert.Equal(AuditOutcome.Allowed, e.Outcome);
            Assert.Equal("SubjectAccess", e.Purpose);
            Assert.Equal(personId.ToString(), e.Subjects);
        });
        Assert.Contains(audit, e => e.Detail!.StartsWith("download", StringComparison.Ordinal));

        // Each partner agency's answer was put to the gate for subject access, and the decision written with the export.
        var gate = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.SharingDecision && e.UserName == "staffs.ig" && e.Purpose == "SubjectAccess" && e.Subjects == personId.ToString()).ToListAsync());
        Assert.Equal(2, gate.Count(e => e.Outcome == AuditOutcome.Allowed && e.Detail!.StartsWith($"police incidents from {Police}: shared in full", StringComparison.Ordinal)));
        Assert.Equal(2, gate.Count(e => e.Outcome == AuditOutcome.Refused && e.Detail!.StartsWith($"health records from {Health}: refused", StringComparison.Ordinal)));
        Assert.Equal(4, gate.Count);
    }

    /// <summary>The other people of <see cref="AddOneOfEverythingAsync"/>, as its structured fields name them.</summary>
    private static readonly string[] ThirdParties = ["Gideon Thirdparty", "Referrer Secretname", "Sibling Otherchild", "Consenting Parentname", "Recipient Hiddenname"];

    [Fact]
    public async Task Export_WithAThirdPartysNameInEveryTextField_ShowsTheirRoleNeverTheirName()
    {
        var (personId, _) = await AddOneOfEverythingAsync();
        await AllowPoliceForSubjectAccessAsync();
        var seeded = await SeedThirdPartyNamesAsync(personId);
        Assert.True(seeded > 30, $"only {seeded} text fields seeded: the seeding looks broken");
        var ig = await AccessData.SignInAsync(factory, "staffs.ig");

        var (response, preview) = await ig.GetPageAsync($"/Access/SubjectAccess/{personId}");
        var download = await ig.Http.GetAsync(new Uri($"/Access/SubjectAccess/{personId}?handler=Download", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var file = await new HtmlParser().ParseDocumentAsync(await download.Content.ReadAsStringAsync());
        foreach (var text in new[] { preview.QuerySelector("[data-testid=sar-preview]")!.TextContent, file.Body!.TextContent })
        {
            // A name as people write it (capitalised); "the sibling" in a sentence is not a name.
            foreach (var part in ThirdParties.SelectMany(n => n.Split(' ')))
            {
                Assert.DoesNotContain(part, text, StringComparison.Ordinal);
            }

            Assert.Matches(@"\[(the|a|another) [a-z ,'-]+\]", text); // their role in their place
            Assert.Contains("Sarah-Jo", text, StringComparison.Ordinal);
            Assert.Contains("Everykind", text, StringComparison.Ordinal);
        }

        Assert.Contains(file.QuerySelectorAll("tr[data-redaction]"), r => r.TextContent.Contains("another person's name or contact details in the text", StringComparison.Ordinal));
    }

    /// <summary>
    /// Appends one of the third parties' names to every text field of every record the export reads about the person
    /// (free text, derived reasons, notes, names), as a careless or malicious writer could; returns how many.
    /// </summary>
    private Task<int> SeedThirdPartyNamesAsync(Guid personId) => factory.WithDbAsync(async db =>
    {
        var contactIds = await db.ContactSubjects.IgnoreQueryFilters().Where(s => s.PersonId == personId).Select(s => s.ContactId).ToListAsync();
        var checkIds = await db.Checks.IgnoreQueryFilters().Where(c => contactIds.Contains(c.ContactId)).Select(c => c.Id).ToListAsync();
        var key = personId.ToString();
        var records = new List<object>();
        records.AddRange(await db.Contacts.IgnoreQueryFilters().Where(c => contactIds.Contains(c.Id)).ToListAsync());
        records.AddRange(await db.Screenings.IgnoreQueryFilters().Where(x => contactIds.Contains(x.ContactId)).ToListAsync());
        records.AddRange(await db.Checks.IgnoreQueryFilters().Where(x => checkIds.Contains(x.Id)).ToListAsync());
        records.AddRange(await db.CheckItems.IgnoreQueryFilters().Where(x => checkIds.Contains(x.CheckId)).ToListAsync());
        records.AddRange(await db.Decisions.IgnoreQueryFilters().Where(x => contactIds.Contains(x.ContactId)).ToListAsync());
        records.AddRange(await db.StrategyDiscussions.IgnoreQueryFilters().Where(x => contactIds.Contains(x.ContactId)).ToListAsync());
        records.AddRange(await db.Consents.IgnoreQueryFilters().Where(x => x.PersonId == personId).ToListAsync());
        records.AddRange(await db.ConsentOverrides.IgnoreQueryFilters().Where(x => contactIds.Contains(x.ContactId)).ToListAsync());
        records.AddRange(await db.SharingDecisions.IgnoreQueryFilters().Where(x => contactIds.Contains(x.ContactId)).ToListAsync());
        records.AddRange(await db.PersonMerges.IgnoreQueryFilters().Where(x => x.SurvivorId == personId).ToListAsync());
        records.AddRange(await db.Involvements.IgnoreQueryFilters().Where(x => x.PersonId == personId).ToListAsync());
        records.AddRange(await db.Set<BreakGlassGrant>().Where(g => g.PersonId == personId || (g.MatchedPersonIds != null && g.MatchedPersonIds.Contains(key))).ToListAsync());
        records.AddRange(await db.Outbox.IgnoreQueryFilters().Where(x => x.ContactId != null && contactIds.Contains(x.ContactId.Value)).ToListAsync());

        var n = 0;
        foreach (var record in records)
        {
            var entity = db.Model.FindEntityType(record.GetType())!;
            foreach (var property in entity.GetProperties().Where(p => p.ClrType == typeof(string) && !p.IsKey() && !p.IsForeignKey() && p.PropertyInfo?.CanWrite == true))
            {
                var value = (string?)property.PropertyInfo!.GetValue(record);
                if (property.Name is "Reference" or "Kind" or "MatchedPersonIds" || (value is not null && (value.StartsWith('{') || value.StartsWith('['))))
                {
                    continue; // structure, codes and references, not text a person writes
                }

                var name = ThirdParties[n++ % ThirdParties.Length];
                var seededValue = string.IsNullOrEmpty(value) ? $"Fictional: {name} said so." : $"{value} {name} said so.";
                property.PropertyInfo.SetValue(record, property.GetMaxLength() is { } max && seededValue.Length > max ? name[..Math.Min(name.Length, max)] : seededValue);
            }
        }

        await db.SaveChangesAsync();
        return n;
    });

    [Fact]
    public void SubjectAccessExport_EveryEntityAboutAPerson_IsCovered()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenMashDbContext>();
        var export = scope.ServiceProvider.GetRequiredService<SubjectAccessExport>();
        var personal = db.Model.GetEntityTypes().Select(t => t.ClrType)
            .Where(t => typeof(IAuditSubjects).IsAssignableFrom(t)
                || t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Any(p => p.Name is "PersonId" or "ContactId" or "CheckId" or "SurvivorId" or "PersonA"))
            .ToList();
        Assert.True(personal.Count > 10);
        Assert.All(personal, t => Assert.True(export.Coverage.ContainsKey(t), $"{t.Name} holds information about a person but the subject access export does not say how it covers it"));
    }

    [Theory]
    [InlineData("staffs.manager", HttpStatusCode.Forbidden)]
    [InlineData("staffs.screener", HttpStatusCode.Forbidden)]
    [InlineData("staffs.admin", HttpStatusCode.Forbidden)]
    [InlineData("stoke.ig", HttpStatusCode.NotFound)]
    public async Task SubjectAccessExport_ByAnyoneButAnIgOfficerOfThePersonsHub_IsRefused(string user, HttpStatusCode expected)
    {
        var person = await AccessData.SharedChildAsync(factory, "STAFFS");
        var client = await AccessData.SignInAsync(factory, user);

        foreach (var url in new[] { $"/Access/SubjectAccess/{person}", $"/Access/SubjectAccess/{person}?handler=Download" })
        {
            var response = await client.Http.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(expected, response.StatusCode);
            Assert.DoesNotContain("Crossfield-Demo", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var action = expected == HttpStatusCode.Forbidden ? "AccessRefused" : "Subject Access Export";
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == action && e.UserName == user && e.Outcome == AuditOutcome.Refused)));
    }

    private Task<bool> AllowPoliceForSubjectAccessAsync() =>
        FrontDoorData.AsUserAsync(factory, "staffs.admin", async sp =>
        {
            if (await sp.GetRequiredService<OpenMashDbContext>().DataSharingAgreements.AnyAsync(a => a.Name == PoliceSarAgreement))
            {
                return false;
            }

            await sp.GetRequiredService<AgreementService>().AddAsync(new DataSharingAgreement
            {
                Name = PoliceSarAgreement,
                Effect = AgreementEffect.Allow,
                SourceAgencyType = AgencyType.Police,
                SourceHubId = await FrontDoorData.HubIdAsync(factory),
                DestinationAgencyType = AgencyType.ChildrensSocialCare,
                DestinationHubId = await FrontDoorData.HubIdAsync(factory),
                Category = DataCategory.PoliceIncidents,
                Purpose = SharingPurpose.SubjectAccess,
                Mode = SharingMode.Content,
                ValidFromUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            });
            return true;
        });

    private const string PoliceSarAgreement = "Police incidents released in subject access responses (SAR test, fictional)";

    private async Task<(Guid PersonId, string Reference)> AddOneOfEverythingAsync()
    {
        var hub = await FrontDoorData.HubIdAsync(factory);
        var police = await FrontDoorData.AgencyIdAsync(factory, Police);
        var health = await FrontDoorData.AgencyIdAsync(factory, Health);
        var screener = await FrontDoorData.UserIdAsync(factory, "staffs.screener");
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var person = new Person
        {
            Id = Guid.NewGuid(),
            HubId = hub,
            GivenNames = "Sarah-Jo",
            FamilyName = "Everykind",
            OtherNames = "Alias Kindly",
            DateOfBirth = new DateOnly(2013, 5, 5),
            Sex = Sex.F,
            NhsNumber = "9994765914",
            CreatedAtUtc = now,
        };
        Assert.True(Identifiers.IsValidNhsNumber(person.NhsNumber));
        person.Addresses.Add(new PersonAddress { Id = Guid.NewGuid(), HubId = hub, PersonId = person.Id, Line1 = "22 Complete Street", Postcode = "ST17 4AA", From = new DateOnly(2022, 1, 1) });
        var parent = new Person { Id = Guid.NewGuid(), HubId = hub, GivenNames = "Gideon", FamilyName = "Thirdparty", CreatedAtUtc = now };
        var sibling = new Person { Id = Guid.NewGuid(), HubId = hub, GivenNames = "Sibling", FamilyName = "Otherchild", CreatedAtUtc = now };
        var duplicate = new Person { Id = Guid.NewGuid(), HubId = hub, GivenNames = "Sarah", FamilyName = "Everykind", CreatedAtUtc = now, MergedIntoId = person.Id };
        var reference = $"STAFFS-2026-{Random.Shared.Next(800_000, 899_999):D6}";
        var contact = new Contact
        {
            Id = Guid.NewGuid(),
            HubId = hub,
            Reference = reference,
            ReceivedAtUtc = now.AddDays(-3),
            Channel = ContactChannel.Phone,
            ReferrerName = "Referrer Secretname",
            ReferrerRole = "Neighbour",
            ReferrerPhone = "07700 900111",
            ReferrerEmail = "secret.referrer@example.org",
            ConcernCategories = [ConcernCategory.Neglect],
            WhatHappened = "Fictional: SAR test, what happened.",
            ChildsVoice = "Fictional: SAR test, child's words.",
            ReferrerRequest = "Fictional: referrer asked for a visit.",
            ReferralSource = ReferralSource.OtherIndividual,
            State = ContactState.Decided,
        };
        var aboutSibling = new Contact
        {
            Id = Guid.NewGuid(),
            HubId = hub,
            Reference = $"STAFFS-2026-{Random.Shared.Next(900_000, 999_999):D6}",
            ReceivedAtUtc = now.AddDays(-4),
            Channel = ContactChannel.Phone,
            ReferrerName = "Referrer Secretname",
            ConcernCategories = [ConcernCategory.Neglect],
            WhatHappened = "Fictional: SAR test, about the sibling.",
            ChildsVoice = "Fictional: sibling's words.",
            AdditionalNeeds = "Fictional: sibling's additional needs.",
            ReferralSource = ReferralSource.Schools,
            State = ContactState.Decided,
        };
        aboutSibling.Subjects.Add(new ContactSubject { ContactId = aboutSibling.Id, PersonId = sibling.Id, HubId = hub, Role = SubjectRole.Child });
        aboutSibling.Subjects.Add(new ContactSubject { ContactId = aboutSibling.Id, PersonId = person.Id, HubId = hub, Role = SubjectRole.HouseholdMember });
        contact.Subjects.Add(new ContactSubject { ContactId = contact.Id, PersonId = person.Id, HubId = hub, Role = SubjectRole.Child });
        contact.Subjects.Add(new ContactSubject { ContactId = contact.Id, PersonId = sibling.Id, HubId = hub, Role = SubjectRole.HouseholdMember });
        contact.Attachments.Add(new ContactAttachment { Id = Guid.NewGuid(), HubId = hub, ContactId = contact.Id, FileName = "sar-attachment.pdf", ContentType = "application/pdf", SizeBytes = 9, Content = "%PDF-1.4 "u8.ToArray(), UploadedAtUtc = now });
        var check = new MultiAgencyCheck
        {
            Id = Guid.NewGuid(),
            HubId = hub,
            ContactId = contact.Id,
            AgencyId = police,
            RequestedByUserId = screener,
            RequestedAtUtc = now.AddDays(-2),
            DueAtUtc = now,
            Status = CheckStatus.Answered,
            AnsweredAtUtc = now.AddDays(-1),
            Known = true,
            Summary = "Fictional: police summary for SAR.",
        };
        check.Items.Add(new CheckItem { Id = Guid.NewGuid(), HubId = hub, CheckId = check.Id, Text = "Fictional: open police item." });
        check.Items.Add(new CheckItem { Id = Guid.NewGuid(), HubId = hub, CheckId = check.Id, Text = "Fictional: not for the family item.", Restrictions = ItemRestrictions.NotForFamily });
        check.Items.Add(new CheckItem { Id = Guid.NewGuid(), HubId = hub, CheckId = check.Id, Text = "Fictional: police eyes only item.", Restrictions = ItemRestrictions.SupplyingAgencyOnly });
        var healthCheck = new MultiAgencyCheck
        {
            Id = Guid.NewGuid(),
            HubId = hub,
            ContactId = contact.Id,
            AgencyId = health,
            RequestedByUserId = screener,
            RequestedAtUtc = now.AddDays(-2),
            DueAtUtc = now,
            Status = CheckStatus.Answered,
            AnsweredAtUtc = now.AddDays(-1),
            Known = true,
            Summary = "Fictional: health summary no SAR agreement.",
        };
        healthCheck.Items.Add(new CheckItem { Id = Guid.NewGuid(), HubId = hub, CheckId = healthCheck.Id, Text = "Fictional: health item no SAR agreement." });
        await FrontDoorData.AddAsync(factory, hub,
            person, parent, sibling, duplicate,
            new PersonRelationship { Id = Guid.NewGuid(), HubId = hub, PersonId = person.Id, RelatedPersonId = parent.Id, Type = RelationshipType.ParentCarer },
            new Involvement { Id = Guid.NewGuid(), HubId = hub, PersonId = person.Id, Service = InvolvementService.EarlyHelp, Team = "Family Support (SAR test team)", OpenedOn = new DateOnly(2026, 1, 5) },
            contact,
            aboutSibling,
            new ContactScreening
            {
                ContactId = aboutSibling.Id,
                HubId = hub,
                ScreenedByUserId = screener,
                ScreenedAtUtc = now.AddDays(-3),
                Rag = RagRating.Green,
                Threshold = ThresholdLevel.Universal,
                ThresholdRationale = "Fictional: sibling threshold reasoning.",
                ChildViewsOrReason = "Fictional: sibling's views at screening.",
                ConsentRationale = "Fictional: consent reasoning.",
            },
            new ContactScreening
            {
                ContactId = contact.Id,
                HubId = hub,
                ScreenedByUserId = screener,
                ScreenedAtUtc = now.AddDays(-2),
                Rag = RagRating.Amber,
                Threshold = ThresholdLevel.ChildInNeed,
                ThresholdRationale = "Fictional: SAR test threshold reasoning.",
                ChildViewsOrReason = "Fictional: views sought.",
                ConsentRationale = "Fictional: consent reasoning.",
            },
            check,
            healthCheck,
            new ContactDecision
            {
                Id = Guid.NewGuid(),
                HubId = hub,
                ContactId = contact.Id,
                ProposedByUserId = screener,
                ProposedAtUtc = now.AddHours(-20),
                Outcome = DecisionOutcome.EarlyHelp,
                Rationale = "Fictional: SAR test decision reasons.",
                Status = DecisionStatus.Approved,
                DecidedAtUtc = now.AddHours(-10),
                ManagerComment = "Fictional: manager comment for SAR.",
            },
            new StrategyDiscussion { Id = Guid.NewGuid(), HubId = hub, ContactId = contact.Id, Held = false, NotHeldReason = "Fictional: no strategy discussion because SAR test.", RecordedByUserId = screener, RecordedAtUtc = now },
            new OutboxMessage { Id = Guid.NewGuid(), HubId = hub, Kind = DecisionService.FeedbackKind, ContactId = contact.Id, ToAddress = "secret.referrer@example.org", Subject = "Outcome of your contact", Body = "Outcome of your contact", CreatedAtUtc = now },
            new PersonMerge { Id = Guid.NewGuid(), HubId = hub, SurvivorId = person.Id, MergedId = duplicate.Id, Reason = "Fictional: duplicate record merged for SAR test.", MergedAtUtc = now, MergedByUserId = screener, MovesJson = "{}" },
            new BreakGlassGrant
            {
                Id = Guid.NewGuid(),
                UserId = screener,
                UserName = "stoke.screener",
                HubId = hub,
                OwningHubId = hub,
                PersonId = person.Id,
                Reason = BreakGlassReason.ChildMissing,
                Justification = "Fictional: SAR test break-glass explanation.",
                GrantedAtUtc = now,
                ExpiresAtUtc = now,
            },
            new RecordedConsent
            {
                Id = Guid.NewGuid(),
                HubId = hub,
                PersonId = person.Id,
                ContactId = contact.Id,
                Status = ConsentStatus.Given,
                GivenBy = ConsentGiver.ParentWithParentalResponsibility,
                GiverName = "Consenting Parentname",
                AgencyTypes = [AgencyType.Health],
                Purposes = [SharingPurpose.SafeguardingScreening],
                DecidedOn = new DateOnly(2026, 11, 20),
                RecordedAtUtc = now,
                Evidence = "Fictional: SAR test consent evidence.",
                RecordedByUserId = screener,
                RecordedByName = "Demo Screener",
            },
            new ConsentOverrideRequest
            {
                Id = Guid.NewGuid(),
                HubId = hub,
                ContactId = contact.Id,
                RequestedByUserId = screener,
                RequestedByName = "Demo Screener",
                RequestedAtUtc = now,
                Justification = "Fictional: SAR test override justification.",
                Status = OverrideStatus.Pending,
            },
            new SharingDecisionRecord
            {
                Id = Guid.NewGuid(),
                HubId = hub,
                ContactId = contact.Id,
                Origin = SharingDecisionOrigin.Recorded,
                DecidedByUserId = screener,
                DecidedByName = "Demo Screener",
                DecidedAtUtc = now,
                Share = false,
                Reasons = "Fictional: SAR test reasons not to share.",
                Items = "Fictional: SAR test items.",
                RecipientOrganisation = "Fictional Dental Practice",
                RecipientPerson = "Recipient Hiddenname",
                Purpose = SharingPurpose.SafeguardingScreening,
                Condition = LawfulBasis.None,
                ConsentStatus = ConsentStatus.Given,
                FamilyTold = false,
                FamilyNotToldReason = "Fictional: family not told because of risk.",
                IdentitiesWithheld = "Fictional: the neighbour's identity kept from the dentist.",
            });
        return (person.Id, reference);
    }
}
