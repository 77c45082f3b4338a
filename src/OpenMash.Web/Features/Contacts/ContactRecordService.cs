using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Shared;

namespace OpenMash.Web.Features.Contacts;

/// <summary>
/// Work on a contact after it was recorded: amending its details with a reason, adding attachments, writing case
/// notes. Each checks every rule first and writes nothing unless all pass; the change, its history and its audit row
/// go in one save.
/// </summary>
public sealed class ContactRecordService(OpenMashDbContext db, TimeProvider time)
{
    public const int ReasonMax = 2000;

    public const string DecidedMessage = "This contact has been decided and is closed: its recorded details can no longer be amended. Add a case note instead.";

    /// <summary>Amends the contact's details and corrects its people's records, with the reason; nothing is written on any error.</summary>
    public async Task<IReadOnlyList<ValidationError>> AmendAsync(Contact contact, ContactAmendmentInput input, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var errors = new List<ValidationError>();
        if (contact.IsDecided)
        {
            errors.Add(new(string.Empty, DecidedMessage));
            return errors;
        }

        // The intake's own rules, on the details as amended (the answers that cannot be amended are the recorded ones).
        var probe = new NewContact
        {
            Channel = input.Channel ?? contact.Channel,
            ReferrerName = input.ReferrerName,
            ReferrerRole = input.ReferrerRole,
            ReferrerAgency = input.ReferrerAgency,
            ReferrerPhone = input.ReferrerPhone,
            ReferrerEmail = input.ReferrerEmail,
            ReferrerRelationship = input.ReferrerRelationship,
            ConcernCategories = input.ConcernCategories,
            WhatHappened = input.WhatHappened,
            ReferrerRequest = input.ReferrerRequest,
            ChildsVoice = input.ChildsVoice,
            AdditionalNeeds = input.AdditionalNeeds,
            FamilyAware = contact.FamilyAware ?? false,
            FamilyConsented = contact.FamilyConsented ?? true,
            NoConsentReason = contact.NoConsentReason ?? "recorded",
            ReferrerSpokenTo = contact.ReferrerSpokenTo ?? false,
            ReferralSource = input.ReferralSource,
        };
        errors.AddRange(ContactService.Validate(probe, now).Where(e => e.Field != nameof(NewContact.People)));
        if (input.Channel is not { } channel || !Enum.IsDefined(channel))
        {
            errors.Add(new(nameof(input.Channel), "Select how the contact was received"));
        }

        var subjectIds = contact.Subjects.Select(s => s.PersonId).ToList();
        var persons = await db.Persons.Where(p => subjectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var corrections = new List<PersonCorrection>();
        for (var i = 0; i < input.People.Count; i++)
        {
            var given = input.People[i];
            var prefix = $"People[{i}]";
            if (!persons.TryGetValue(given.PersonId, out var person))
            {
                errors.Add(new(prefix, "The person is not named in this contact"));
                continue;
            }

            var role = contact.Subjects.First(s => s.PersonId == person.Id).Role;
            if (!given.DateOfBirthValid)
            {
                errors.Add(new($"{prefix}.DateOfBirth", "Enter the date of birth as a real date, like 27 3 2016, or leave it blank"));
            }

            var described = new NewPerson(role, GivenNames: given.GivenNames, FamilyName: given.FamilyName, DateOfBirth: given.DateOfBirth,
                ExpectedDeliveryDate: person.ExpectedDeliveryDate, Sex: person.Sex, NhsNumber: given.NhsNumber);
            ContactService.ValidatePerson(described, prefix, now, errors);
            corrections.Add(new PersonCorrection(person, given.GivenNames?.Trim() ?? string.Empty, given.FamilyName?.Trim() ?? string.Empty, given.DateOfBirth,
                string.IsNullOrWhiteSpace(given.NhsNumber) ? null : Identifiers.Normalise(given.NhsNumber)));
        }

        var reason = errors.Require(input.Reason, nameof(input.Reason), "Enter why the contact's details are being amended", ReasonMax, "The reason");
        if (errors.Count > 0)
        {
            return errors;
        }

        var details = new ContactDetails(
            input.Channel!.Value, input.ReferralSource!.Value, input.ReferrerName!.Trim(), Clean(input.ReferrerRole), Clean(input.ReferrerAgency), Clean(input.ReferrerPhone),
            Clean(input.ReferrerEmail), Clean(input.ReferrerRelationship), input.ConcernCategories.Distinct().ToList(), input.WhatHappened!.Trim(),
            Clean(input.ReferrerRequest), Clean(input.ChildsVoice), Clean(input.AdditionalNeeds));
        if (!Changes(contact, details) && corrections.TrueForAll(c => !Changes(c)))
        {
            return [new(string.Empty, "Nothing was changed: change a detail that was recorded wrongly, or go back to the contact")];
        }

        var amendment = contact.Amend(details, corrections, reason, db.Actor.UserId ?? Guid.Empty, now);
        db.ContactAmendments.Add(amendment);
        db.Audit(AuditActions.AmendContact, targetType: "Contact", targetId: contact.Id.ToString(), subjects: subjectIds, purpose: "Screening",
            detail: $"Amended {string.Join(", ", amendment.Changes.Select(c => c.Field.DisplayName().ToLowerInvariant()).Distinct())}: {amendment.Reason}");
        // The person records are saved here too, so the person change feed tells the matcher of corrected names and numbers.
        await db.SaveChangesAsync(ct);
        return [];
    }

    /// <summary>
    /// Adds a file to a recorded contact, optionally about one person it names, with the intake's size, type and
    /// content checks; queues an e-mail to the contact's worker (a reference and a link, never the file or the child).
    /// </summary>
    public async Task<IReadOnlyList<ValidationError>> AddAttachmentAsync(Contact contact, NewAttachment? file, Guid? personId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (file is null || file.Content.Length == 0)
        {
            return [new("Upload", "Select a file to upload")];
        }

        var name = Path.GetFileName(file.FileName);
        if (ContactService.Validate(new NewContact { Attachments = [file with { FileName = name }] }, now).FirstOrDefault(e => e.Field == "Attachments[0]") is { } error)
        {
            return [new("Upload", error.Message)];
        }

        if (personId is { } id && contact.Subjects.All(s => s.PersonId != id))
        {
            return [new("PersonId", "Select a person named in this contact, or the contact as a whole")];
        }

        var byUserId = db.Actor.UserId;
        var attachment = new ContactAttachment
        {
            Id = Guid.NewGuid(),
            HubId = contact.HubId,
            ContactId = contact.Id,
            FileName = name,
            ContentType = ContactService.AllowedAttachmentTypes[Path.GetExtension(name)],
            SizeBytes = file.Content.Length,
            Content = file.Content,
            UploadedAtUtc = now,
            UploadedByUserId = byUserId,
            PersonId = personId,
            AddedLater = true,
        };
        db.ContactAttachments.Add(attachment);
        var subjects = contact.Subjects.Select(s => s.PersonId).ToList();
        db.Audit(AuditActions.AddContactAttachment, targetType: "ContactAttachment", targetId: attachment.Id.ToString(), subjects: subjects, purpose: "Screening", detail: "contact " + contact.Id);
        var to = await WorkerEmailsAsync(contact, byUserId, ct);
        db.QueueEmails(contact.HubId, MessageKinds.AttachmentAdded, to, $"New attachment on contact {contact.Reference}",
            $"A new attachment was added to contact {contact.Reference}. Please look at it in OpenMash.", now, contactId: contact.Id, recordId: attachment.Id, linkPath: $"/Screening/{contact.Id}");
        await db.SaveChangesAsync(ct);
        return [];
    }

    /// <summary>
    /// Who is told of a new attachment: the contact's worker, that is the allocated worker, or whoever saved the
    /// screening when nobody is allocated. With no worker yet (unallocated and unscreened), or when the worker added
    /// the file themselves, the hub's managers are told.
    /// </summary>
    public async Task<List<string>> WorkerEmailsAsync(Contact contact, Guid? except, CancellationToken ct)
    {
        var worker = contact.AllocatedToUserId
            ?? await db.Screenings.Where(s => s.ContactId == contact.Id).Select(s => (Guid?)s.ScreenedByUserId).SingleOrDefaultAsync(ct);
        if (worker is { } workerId && workerId != except)
        {
            var email = await db.Users.Where(u => u.Id == workerId && !u.IsDisabled && u.Email != null).Select(u => u.Email!).SingleOrDefaultAsync(ct);
            if (email is not null)
            {
                return [email];
            }
        }

        return await db.EmailsInRolesAsync(contact.HubId, [Security.Roles.MashManager], except, ct);
    }

    /// <summary>A case note on the contact; open or decided, a contact can always be noted.</summary>
    public async Task<IReadOnlyList<ValidationError>> AddNoteAsync(Contact contact, string? text, CancellationToken ct = default)
    {
        var errors = new List<ValidationError>();
        var note = errors.Require(text, "Text", "Enter the case note", ContactNote.MaxLength, "The case note");
        if (errors.Count > 0)
        {
            return errors;
        }

        var written = new ContactNote { Id = Guid.NewGuid(), HubId = contact.HubId, ContactId = contact.Id, Text = note, WrittenByUserId = db.Actor.UserId ?? Guid.Empty, WrittenAtUtc = time.GetUtcNow().UtcDateTime };
        db.ContactNotes.Add(written);
        db.Audit(AuditActions.AddCaseNote, targetType: "ContactNote", targetId: written.Id.ToString(), subjects: contact.Subjects.Select(s => s.PersonId), purpose: "Screening", detail: "contact " + contact.Id);
        await db.SaveChangesAsync(ct);
        return [];
    }

    private static bool Changes(Contact c, ContactDetails d) =>
        c.Channel != d.Channel || c.ReferralSource != d.ReferralSource || c.ReferrerName != d.ReferrerName || c.ReferrerRole != d.ReferrerRole
        || c.ReferrerAgency != d.ReferrerAgency || c.ReferrerPhone != d.ReferrerPhone || c.ReferrerEmail != d.ReferrerEmail
        || c.ReferrerRelationship != d.ReferrerRelationship || !c.ConcernCategories.Order().SequenceEqual(d.ConcernCategories.Order())
        || c.WhatHappened != d.WhatHappened || c.ReferrerRequest != d.ReferrerRequest || c.ChildsVoice != d.ChildsVoice || c.AdditionalNeeds != d.AdditionalNeeds;

    private static bool Changes(PersonCorrection c) =>
        c.Person.GivenNames != c.GivenNames || c.Person.FamilyName != c.FamilyName || c.Person.DateOfBirth != c.DateOfBirth || c.Person.NhsNumber != c.NhsNumber;

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
