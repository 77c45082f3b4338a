using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Duplicates;
using OpenMash.Web.Features.Shared;

namespace OpenMash.Web.Features.Contacts;

/// <summary>
/// Records a new contact: checks every rule first and stores nothing unless all pass; then the contact, its
/// people and attachments and their audit rows are written in one transaction, and each person described is
/// resolved against the hub's existing records (<see cref="IntakeResolution"/>) in the same transaction.
/// </summary>
public sealed partial class ContactService(OpenMashDbContext db, IntakeResolution resolution, TimeProvider time, Timeliness.HubWorkingTime workingTime)
{
    public const long MaxAttachmentBytes = 10 * 1024 * 1024;

    public static readonly IReadOnlyDictionary<string, string> AllowedAttachmentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".txt"] = "text/plain",
        [".eml"] = "message/rfc822",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    };

    public async Task<(Contact? Contact, IReadOnlyList<ValidationError> Errors)> CreateAsync(NewContact input, ContactSource source, CancellationToken ct = default)
    {
        var hubId = db.Actor.HubId ?? throw new InvalidOperationException("A contact can only be recorded by someone working in a hub.");
        var errors = Validate(input, time.GetUtcNow().UtcDateTime);
        var existingIds = input.People.Select(p => p.ExistingPersonId).OfType<Guid>().ToList();
        var found = await db.Persons.Where(p => existingIds.Contains(p.Id) && p.MergedIntoId == null).Select(p => p.Id).ToListAsync(ct);
        for (var i = 0; i < input.People.Count; i++)
        {
            if (input.People[i].ExistingPersonId is { } id && !found.Contains(id))
            {
                errors.Add(new($"People[{i}]", "The person selected is not known to this hub"));
            }
        }

        // Validate refuses a contact without a referral source; here it is read once, as the value written.
        if (errors.Count > 0 || input.ReferralSource is not { } referralSource)
        {
            return (null, errors);
        }

        // Asked before anything is written, so that the matcher reads committed records only.
        var matches = await resolution.FindAsync(input.People, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var received = input.ReceivedAtUtc ?? now;
        // The decision clock starts at receipt, on every channel: one working day, which screening may shorten.
        var calculator = await workingTime.CalculatorAsync(ct);
        var decisionDue = calculator.AddWorkingTime(new DateTimeOffset(DateTime.SpecifyKind(received, DateTimeKind.Utc)), calculator.Settings.WorkingDayLength).UtcDateTime;
        // Joins the caller's transaction if there is one (the API stores its idempotency record with the contact).
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var contact = new Contact
        {
            Id = Guid.NewGuid(),
            HubId = hubId,
            Reference = await NextReferenceAsync(hubId, now, ct),
            ReceivedAtUtc = received,
            DecisionDueUtc = decisionDue,
            Channel = input.Channel,
            ReferrerName = input.ReferrerName!.Trim(),
            ReferrerRole = Clean(input.ReferrerRole),
            ReferrerAgency = Clean(input.ReferrerAgency),
            ReferrerPhone = Clean(input.ReferrerPhone),
            ReferrerEmail = Clean(input.ReferrerEmail),
            ReferrerRelationship = Clean(input.ReferrerRelationship),
            // Only the referrer's own signed-in account, never an account found by the e-mail typed in the contact.
            ReferrerUserId = source.ReferrerUserId,
            SourceAgencyId = source.SourceAgencyId,
            RecordedByUserId = source.RecordedByUserId,
            ConcernCategories = input.ConcernCategories.Distinct().ToList(),
            WhatHappened = input.WhatHappened!.Trim(),
            ReferrerRequest = Clean(input.ReferrerRequest),
            ChildsVoice = Clean(input.ChildsVoice),
            AdditionalNeeds = Clean(input.AdditionalNeeds),
            FamilyAware = input.FamilyAware,
            FamilyConsented = input.FamilyConsented,
            NoConsentReason = Clean(input.NoConsentReason),
            ReferrerSpokenTo = input.ReferrerSpokenTo,
            ReferralSource = referralSource,
            State = ContactState.AwaitingScreening,
        };

        var created = new List<(NewPerson, Person, IReadOnlyList<PossibleMatch>)>();
        for (var i = 0; i < input.People.Count; i++)
        {
            var person = input.People[i];
            var personId = person.ExistingPersonId ?? Add(AddPerson(person, hubId, now), person, matches[i]).Id;
            if (contact.Subjects.All(s => s.PersonId != personId))
            {
                contact.Subjects.Add(new ContactSubject { ContactId = contact.Id, PersonId = personId, HubId = hubId, Role = person.Role });
            }
        }

        await RelateAdultsToChildrenAsync(contact, hubId, ct);

        // "The family consented" is the referrer's claim: kept as consent records marked not confirmed, which release
        // no checks below threshold until a practitioner confirms them with the family.
        db.Consents.AddRange(RecordedConsent.ReportedAtIntake(contact, now, source.RecordedByUserId ?? source.ReferrerUserId));

        foreach (var file in input.Attachments)
        {
            contact.Attachments.Add(new ContactAttachment
            {
                Id = Guid.NewGuid(),
                HubId = hubId,
                ContactId = contact.Id,
                FileName = Path.GetFileName(file.FileName),
                ContentType = AllowedAttachmentTypes[Path.GetExtension(file.FileName)],
                SizeBytes = file.Content.Length,
                Content = file.Content,
                UploadedAtUtc = now,
                UploadedByUserId = source.RecordedByUserId ?? source.ReferrerUserId,
            });
        }

        db.Contacts.Add(contact);
        await db.SaveChangesAsync(ct);
        await resolution.ResolveAsync(contact, created, ct);
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }

        return (contact, []);

        Person Add(Person made, NewPerson described, IReadOnlyList<PossibleMatch> found)
        {
            created.Add((described, made, found));
            return made;
        }
    }

    /// <summary>
    /// Adults named in a contact are recorded as household members or associated adults of each child, so the next
    /// screener sees who is around the child; a relationship already on record is not repeated.
    /// </summary>
    private async Task RelateAdultsToChildrenAsync(Contact contact, Guid hubId, CancellationToken ct)
    {
        var children = contact.Subjects.Where(s => s.Role == SubjectRole.Child).Select(s => s.PersonId).ToList();
        var adults = contact.Subjects.Where(s => s.Role != SubjectRole.Child).ToList();
        if (children.Count == 0 || adults.Count == 0)
        {
            return;
        }

        var adultIds = adults.Select(a => a.PersonId).ToList();
        var known = await db.PersonRelationships.Where(r => children.Contains(r.PersonId) && adultIds.Contains(r.RelatedPersonId))
            .Select(r => new { r.PersonId, r.RelatedPersonId, r.Type }).ToListAsync(ct);
        foreach (var child in children)
        {
            foreach (var adult in adults)
            {
                var type = adult.Role == SubjectRole.AssociatedAdult ? RelationshipType.AssociatedAdult : RelationshipType.HouseholdMember;
                if (!known.Any(k => k.PersonId == child && k.RelatedPersonId == adult.PersonId && k.Type == type))
                {
                    db.PersonRelationships.Add(new PersonRelationship { Id = Guid.NewGuid(), HubId = hubId, PersonId = child, RelatedPersonId = adult.PersonId, Type = type });
                }
            }
        }
    }

    public static List<ValidationError> Validate(NewContact c, DateTime nowUtc)
    {
        var errors = new List<ValidationError>();
        if (c.ReceivedAtUtc > nowUtc.AddMinutes(5))
        {
            errors.Add(new(nameof(c.ReceivedAtUtc), "The time the contact was received must be in the past"));
        }

        errors.Require(c.ReferrerName, nameof(c.ReferrerName), "Enter the referrer's name", 200, "the referrer's name");
        errors.Limit(c.ReferrerRole, nameof(c.ReferrerRole), 200, "Referrer's role");
        errors.Limit(c.ReferrerAgency, nameof(c.ReferrerAgency), 200, "Referrer's agency");
        errors.Limit(c.ReferrerRelationship, nameof(c.ReferrerRelationship), 200, "Relationship to the child");
        errors.Limit(c.ReferrerPhone, nameof(c.ReferrerPhone), 40, "Phone number");
        errors.Limit(c.ReferrerEmail, nameof(c.ReferrerEmail), 200, "E-mail address");
        if (!string.IsNullOrWhiteSpace(c.ReferrerEmail) && !EmailPattern().IsMatch(c.ReferrerEmail.Trim()))
        {
            errors.Add(new(nameof(c.ReferrerEmail), "Enter an e-mail address in the correct format, like name@example.org"));
        }

        if (c.Channel != ContactChannel.Portal && string.IsNullOrWhiteSpace(c.ReferrerPhone) && string.IsNullOrWhiteSpace(c.ReferrerEmail) && c.ReferralSource != ReferralSource.Anonymous)
        {
            errors.Add(new(nameof(c.ReferrerPhone), "Enter a phone number or e-mail address so the referrer can be reached, or record the referral source as anonymous"));
        }

        if (c.ConcernCategories.Count == 0)
        {
            errors.Add(new(nameof(c.ConcernCategories), "Select at least one concern"));
        }
        else if (c.ConcernCategories.Any(x => !Enum.IsDefined(x)))
        {
            errors.Add(new(nameof(c.ConcernCategories), "Select concerns from the list"));
        }

        errors.Require(c.WhatHappened, nameof(c.WhatHappened), "Enter what happened", 20000, "what happened");
        errors.Limit(c.ReferrerRequest, nameof(c.ReferrerRequest), 5000, "What the referrer is asking for");
        errors.Limit(c.ChildsVoice, nameof(c.ChildsVoice), 5000, "The child's own words");
        errors.Limit(c.AdditionalNeeds, nameof(c.AdditionalNeeds), 5000, "Additional needs");
        if (c.FamilyAware is null)
        {
            errors.Add(new(nameof(c.FamilyAware), "Select whether the family knows about this contact"));
        }

        if (c.FamilyConsented is null)
        {
            errors.Add(new(nameof(c.FamilyConsented), "Select whether the family has consented to information being shared"));
        }
        else if (c.FamilyConsented == false && string.IsNullOrWhiteSpace(c.NoConsentReason))
        {
            errors.Add(new(nameof(c.NoConsentReason), "Enter why the family has not consented, or why they were not asked"));
        }

        errors.Limit(c.NoConsentReason, nameof(c.NoConsentReason), 2000, "Reason");
        if (c.ReferrerSpokenTo is null)
        {
            errors.Add(new(nameof(c.ReferrerSpokenTo), "Select whether someone has spoken to the referrer"));
        }

        if (c.ReferralSource is null || !Enum.IsDefined(c.ReferralSource.Value))
        {
            errors.Add(new(nameof(c.ReferralSource), "Select the referral source"));
        }

        if (!c.People.Any(p => p.Role == SubjectRole.Child))
        {
            errors.Add(new(nameof(c.People), "Add at least one child"));
        }

        for (var i = 0; i < c.People.Count; i++)
        {
            ValidatePerson(c.People[i], $"People[{i}]", nowUtc, errors);
        }

        var files = c.Attachments;
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            var field = $"Attachments[{i}]";
            if (!AllowedAttachmentTypes.TryGetValue(Path.GetExtension(file.FileName), out var type))
            {
                errors.Add(new(field, $"{Path.GetFileName(file.FileName)} must be a PDF, PNG, JPG, TXT, EML or DOCX file"));
            }
            else if (file.Content.Length == 0)
            {
                errors.Add(new(field, $"{Path.GetFileName(file.FileName)} is empty"));
            }
            else if (file.Content.Length > MaxAttachmentBytes)
            {
                errors.Add(new(field, $"{Path.GetFileName(file.FileName)} must be smaller than 10 MB"));
            }
            else if (!ContentMatches(type, file.Content))
            {
                errors.Add(new(field, $"{Path.GetFileName(file.FileName)} is not the kind of file its name says"));
            }
        }

        return errors;
    }

    public static void ValidatePerson(NewPerson p, string prefix, DateTime nowUtc, List<ValidationError> errors)
    {
        if (p.ExistingPersonId is not null)
        {
            return;
        }

        var who = p.Role == SubjectRole.Child ? "child" : "person";
        errors.Require(p.GivenNames, $"{prefix}.GivenNames", $"Enter the {who}'s first name", 200, "First name");
        errors.Require(p.FamilyName, $"{prefix}.FamilyName", $"Enter the {who}'s last name", 200, "Last name");
        errors.Limit(p.AddressLine1, $"{prefix}.AddressLine1", 200, "Address");
        errors.Limit(p.Town, $"{prefix}.Town", 200, "Town");

        var today = DateOnly.FromDateTime(nowUtc);
        if (p.Role == SubjectRole.Child && p.DateOfBirth is null && p.ExpectedDeliveryDate is null)
        {
            errors.Add(new($"{prefix}.DateOfBirth", "Enter the child's date of birth (an estimate is fine), or the expected date of delivery for an unborn child"));
        }

        if (p.DateOfBirth > today)
        {
            errors.Add(new($"{prefix}.DateOfBirth", "Date of birth must be in the past"));
        }
        else if (p.DateOfBirth < today.AddYears(-120))
        {
            errors.Add(new($"{prefix}.DateOfBirth", "Date of birth must be a real date in the last 120 years"));
        }

        if (p.ExpectedDeliveryDate is { } edd && (edd < today.AddMonths(-1) || edd > today.AddMonths(10)))
        {
            errors.Add(new($"{prefix}.ExpectedDeliveryDate", "Expected date of delivery must be within the next 10 months"));
        }

        if (!Enum.IsDefined(p.Sex))
        {
            errors.Add(new($"{prefix}.Sex", "Select the sex: male, female or unknown"));
        }

        if (!string.IsNullOrWhiteSpace(p.NhsNumber) && !Identifiers.IsValidNhsNumber(p.NhsNumber))
        {
            errors.Add(new($"{prefix}.NhsNumber", "Enter a valid 10-digit NHS number, or leave it blank"));
        }

        if (!string.IsNullOrWhiteSpace(p.Upn) && !Identifiers.IsValidUpn(p.Upn))
        {
            errors.Add(new($"{prefix}.Upn", "Enter a valid 13-character unique pupil number, or leave it blank"));
        }

        if (!string.IsNullOrWhiteSpace(p.Postcode) && !PostcodePattern().IsMatch(p.Postcode.Trim()))
        {
            errors.Add(new($"{prefix}.Postcode", "Enter a real postcode, like ST16 2LH"));
        }

        if (p.EthnicityCode?.Length > 4)
        {
            errors.Add(new($"{prefix}.EthnicityCode", "Select an ethnicity from the list"));
        }
    }

    private Person AddPerson(NewPerson p, Guid hubId, DateTime now)
    {
        var person = new Person
        {
            Id = Guid.NewGuid(),
            HubId = hubId,
            GivenNames = p.GivenNames!.Trim(),
            FamilyName = p.FamilyName!.Trim(),
            DateOfBirth = p.DateOfBirth,
            DateOfBirthIsEstimated = p.DateOfBirthIsEstimated,
            ExpectedDeliveryDate = p.ExpectedDeliveryDate,
            Sex = p.Sex,
            NhsNumber = string.IsNullOrWhiteSpace(p.NhsNumber) ? null : Identifiers.Normalise(p.NhsNumber),
            Upn = string.IsNullOrWhiteSpace(p.Upn) ? null : Identifiers.Normalise(p.Upn).ToUpperInvariant(),
            EthnicityCode = Clean(p.EthnicityCode)?.ToUpperInvariant(),
            CreatedAtUtc = now,
        };
        if (!string.IsNullOrWhiteSpace(p.Postcode) || !string.IsNullOrWhiteSpace(p.AddressLine1))
        {
            person.Addresses.Add(new PersonAddress
            {
                Id = Guid.NewGuid(),
                HubId = hubId,
                PersonId = person.Id,
                Line1 = Clean(p.AddressLine1) ?? "Not known",
                Town = Clean(p.Town),
                Postcode = string.IsNullOrWhiteSpace(p.Postcode) ? "Not known" : PersonAddress.NormalisePostcode(p.Postcode),
                From = DateOnly.FromDateTime(now),
            });
        }

        db.Persons.Add(person);
        return person;
    }

    /// <summary>Locks the hub's counter row for the rest of the transaction, so two contacts never share a number.</summary>
    private async Task<string> NextReferenceAsync(Guid hubId, DateTime now, CancellationToken ct)
    {
        var settings = db.HubSettings.Where(s => s.HubId == hubId);
        if (await settings.ExecuteUpdateAsync(s => s.SetProperty(x => x.LastContactNumber, x => x.LastContactNumber + 1), ct) != 1)
        {
            throw new InvalidOperationException("The hub has no settings row; it was not set up.");
        }

        var number = await settings.Select(s => s.LastContactNumber).SingleAsync(ct);
        var code = await db.Hubs.Where(h => h.Id == hubId).Select(h => h.Code).SingleAsync(ct);
        return $"{code}-{now.Year}-{number:D6}";
    }

    private static bool ContentMatches(string type, byte[] content) => type switch
    {
        "application/pdf" => content.AsSpan().StartsWith("%PDF"u8),
        "image/png" => content.AsSpan().StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47 }),
        "image/jpeg" => content.AsSpan().StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => content.AsSpan().StartsWith("PK"u8),
        _ => !content.Contains((byte)0),
    };

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^[A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2}$")]
    private static partial Regex PostcodePattern();
}
