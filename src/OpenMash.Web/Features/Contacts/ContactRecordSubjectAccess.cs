using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Shared.SubjectAccess;
using static OpenMash.Web.Features.Shared.SubjectAccess.SubjectAccessBuilder;

namespace OpenMash.Web.Features.Contacts;

/// <summary>
/// What was done to the contacts naming the person after they were recorded: amendments (a detail's values withheld
/// where the contact's own section withholds it: the referrer's details, another person's) and case notes.
/// </summary>
public sealed class ContactRecordSubjectAccess(OpenMashDbContext db) : ISubjectAccessSection
{
    public int Order => 250;

    public IReadOnlyDictionary<Type, string> Covers { get; } = new Dictionary<Type, string>
    {
        [typeof(ContactAmendment)] = "Amendments to contacts about you (when and why)",
        [typeof(ContactFieldChange)] = "Amendments to contacts about you (each detail before and after; the referrer's and other people's details withheld)",
        [typeof(ContactNote)] = "Case notes on contacts about you",
    };

    public async Task AddAsync(SubjectAccessBuilder sar, CancellationToken ct)
    {
        var contactIds = sar.ContactIds;
        var amendments = await db.ContactAmendments.AsNoTracking().Include(a => a.Changes).Where(a => contactIds.Contains(a.ContactId)).OrderBy(a => a.AmendedAtUtc).ToListAsync(ct);
        var entries = new List<SarEntry>();
        foreach (var a in amendments)
        {
            var contact = sar.Contacts.Single(c => c.Id == a.ContactId);
            var heading = $"Amendment of contact {contact.Reference} on {Time(a.AmendedAtUtc)}";
            var fields = new List<SarField> { new("Amended", Time(a.AmendedAtUtc)), new("Why", a.Reason) };
            foreach (var change in a.Changes.OrderBy(c => c.PersonId is null ? 0 : 1).ThenBy(c => c.Field))
            {
                var what = change.Field.DisplayName();
                if (Withheld(sar, contact, change) is { } why)
                {
                    sar.Redactions.Add(new($"Third party: {why}", heading, "An amended detail about another person"));
                    fields.Add(new(what, "Withheld (third party)"));
                }
                else
                {
                    fields.Add(new(what, $"{change.Before ?? "not recorded"}, changed to {change.After ?? "not recorded"}"));
                }
            }

            entries.Add(new(heading, fields));
        }

        sar.Add("Amendments to contacts about you", entries);

        var notes = await db.ContactNotes.AsNoTracking().Where(n => contactIds.Contains(n.ContactId)).OrderBy(n => n.WrittenAtUtc).ToListAsync(ct);
        sar.Add("Case notes", notes.Select(n => new SarEntry($"Case note on contact {sar.Reference(n.ContactId)}", [new("Written", Time(n.WrittenAtUtc)), new("Note", n.Text)])).ToList());
    }

    /// <summary>Why a change's values are withheld from this person's export, or null when they are theirs to see.</summary>
    private static string? Withheld(SubjectAccessBuilder sar, Contact contact, ContactFieldChange change)
    {
        if (change.PersonId is { } person && person != sar.PersonId)
        {
            return "another person's details, amended";
        }

        if (change.Field.IsAboutTheReferrer())
        {
            return "the referrer's details, amended";
        }

        if (change.Field is AmendedField.ChildsVoice or AmendedField.AdditionalNeeds && !sar.IsChildOn(contact.Id))
        {
            return "the child's views and additional needs, amended";
        }

        if (change.Field is AmendedField.ReferrerRequest or AmendedField.ReferralSource && ContactsSubjectAccess.IsIndividualSource(contact.ReferralSource))
        {
            return "who raised the concern (a private individual) and what they asked for, amended";
        }

        return null;
    }
}
