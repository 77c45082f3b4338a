using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Shared.SubjectAccess;
using static OpenMash.Web.Features.Shared.SubjectAccess.SubjectAccessBuilder;

namespace OpenMash.Web.Features.Contacts;

/// <summary>The contacts naming the person: the referrer's identity, other people named and attachments withheld.</summary>
public sealed class ContactsSubjectAccess(OpenMashDbContext db) : ISubjectAccessSection
{
    public int Order => 200;

    public IReadOnlyDictionary<Type, string> Covers { get; } = new Dictionary<Type, string>
    {
        [typeof(Contact)] = "Contacts about you (referrer identity withheld)",
        [typeof(ContactSubject)] = "Contacts about you (other people named withheld)",
        [typeof(ContactAttachment)] = "Contacts about you (attachments listed as withheld)",
        [typeof(OutboxMessage)] = "Messages to the referrer (withheld: third party correspondence)",
        [typeof(IdempotencyRecord)] = "Not included: an agency system's note that one request created a contact (the contact is included)",
        [typeof(ContactDraft)] = "Not included: unfinished drafts, never submitted, deleted when finished",
    };

    /// <summary>
    /// Who raised a concern, when it was a private individual: their relationship to the family and their request
    /// could identify them, so both are withheld (only organisations are named).
    /// </summary>
    public static bool IsIndividualSource(ReferralSource source) =>
        source is ReferralSource.FamilyRelativeCarer or ReferralSource.Acquaintance or ReferralSource.OtherIndividual or ReferralSource.Anonymous;

    public async Task AddAsync(SubjectAccessBuilder sar, CancellationToken ct)
    {
        var personId = sar.PersonId;
        var otherSubjectIds = sar.Contacts.SelectMany(c => c.Subjects).Select(s => s.PersonId).Where(id => id != personId).Distinct().ToList();
        foreach (var other in await db.Persons.AsNoTracking().Where(p => otherSubjectIds.Contains(p.Id)).Select(p => new { p.GivenNames, p.FamilyName, p.OtherNames, p.Email, p.Phone }).ToListAsync(ct))
        {
            sar.ThirdParties.Add($"{other.GivenNames} {other.FamilyName}", "another person named in the contact");
            sar.ThirdParties.Add(other.OtherNames, "another person named in the contact");
            sar.ThirdParties.AddContactDetail(other.Email, "another person's e-mail address");
            sar.ThirdParties.AddContactDetail(other.Phone, "another person's phone number");
        }

        var entries = new List<SarEntry>();
        foreach (var c in sar.Contacts)
        {
            sar.ThirdParties.Add(c.ReferrerName, "the person who raised the concern");
            sar.ThirdParties.AddContactDetail(c.ReferrerEmail, "the e-mail address of the person who raised the concern");
            sar.ThirdParties.AddContactDetail(c.ReferrerPhone, "the phone number of the person who raised the concern");
            var role = sar.RoleOn(c.Id);
            var where = $"Contact {c.Reference}";
            sar.Redactions.Add(new("Third party: referrer identity", where, "The name, role, organisation and contact details of the person who raised the concern"));
            var individual = IsIndividualSource(c.ReferralSource);
            if (individual)
            {
                sar.Redactions.Add(new("Third party: who raised the concern (a private individual) and what they asked for", where, "Could identify the person who raised the concern"));
            }

            var aboutAChild = role == SubjectRole.Child;
            if (!aboutAChild)
            {
                sar.Redactions.Add(new("Third party: the child's views and additional needs", where, "Information about another person (you are named as " + role.DisplayName().ToLowerInvariant() + ")"));
            }

            foreach (var other in c.Subjects.Where(s => s.PersonId != personId))
            {
                sar.Redactions.Add(new($"Third party: another person named in the contact ({other.Role.DisplayName().ToLowerInvariant()})", where, "Information about another person"));
            }

            foreach (var a in c.Attachments)
            {
                sar.Redactions.Add(new($"Attachment ({a.ContentType}, {a.SizeBytes} bytes)", where, "Attached documents are reviewed for third-party information and released separately"));
            }

            entries.Add(new(where, [
                new("Received", Time(c.ReceivedAtUtc)), new("How", c.Channel.DisplayName()), new("You are named as", role.DisplayName().ToLowerInvariant()),
                new("Who raised it", individual ? "Withheld" : c.ReferralSource.DisplayName() + " (identity withheld)"),
                new("Concerns", string.Join(", ", c.ConcernCategories.Select(x => x.DisplayName()))),
                new("What happened", c.WhatHappened), new("What the referrer asked for", individual ? "Withheld" : c.ReferrerRequest ?? "Not recorded"),
                new("The child's views", aboutAChild ? c.ChildsVoice ?? "Not recorded" : "Withheld (third party)"),
                new("Additional needs", aboutAChild ? c.AdditionalNeeds ?? "Not recorded" : "Withheld (third party)"),
                new("Family aware", YesNo(c.FamilyAware)), new("Family consented", YesNo(c.FamilyConsented)), new("Why no consent", c.NoConsentReason ?? "Not recorded"),
                new("Stage", c.State.DisplayName()), new("Attachments", c.Attachments.Count == 0 ? "None" : $"{c.Attachments.Count} (withheld, see the list of withheld information)")]));
        }

        sar.Add("Contacts about you", entries);

        var contactIds = sar.ContactIds;
        var messages = await db.Outbox.AsNoTracking().Where(o => o.ContactId != null && contactIds.Contains(o.ContactId.Value)).Select(o => o.ContactId ?? Guid.Empty).ToListAsync(ct);
        foreach (var contactId in messages)
        {
            sar.Redactions.Add(new("Third party: message to the referrer", $"Contact {sar.Reference(contactId)}", "Correspondence with the person who raised the concern"));
        }
    }
}
