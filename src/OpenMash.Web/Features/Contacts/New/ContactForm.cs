using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Features.Shared;

namespace OpenMash.Web.Features.Contacts.New;

/// <summary>Everything typed into the staff intake flow so far; saved as JSON in a <see cref="ContactDraft"/> after every step.</summary>
public sealed class ContactForm
{
    public string? Channel { get; set; }

    public DateParts ReceivedDate { get; set; } = new();

    public string? ReceivedTime { get; set; }

    public string? ReferrerName { get; set; }

    public string? ReferrerRole { get; set; }

    public string? ReferrerAgency { get; set; }

    public string? ReferrerPhone { get; set; }

    public string? ReferrerEmail { get; set; }

    public string? ReferrerRelationship { get; set; }

    public string? ReferralSource { get; set; }

    public List<PersonForm> Children { get; set; } = [];

    public List<PersonForm> Adults { get; set; } = [];

    public List<string> Concerns { get; set; } = [];

    public string? WhatHappened { get; set; }

    public string? ReferrerRequest { get; set; }

    public string? ChildsVoice { get; set; }

    public string? AdditionalNeeds { get; set; }

    public string? FamilyAware { get; set; }

    public string? FamilyConsented { get; set; }

    public string? NoConsentReason { get; set; }

    public string? ReferrerSpokenTo { get; set; }

    public List<DraftAttachment> Attachments { get; set; } = [];

    /// <summary>Once the check page has been reached, each step returns to it.</summary>
    public bool ReachedCheck { get; set; }

    public static readonly TimeZoneInfo LocalZone = FindZone();

    /// <summary>The contact as the service takes it, and the errors found in turning the form into it.</summary>
    public (NewContact Contact, List<ValidationError> FormErrors) ToNewContact(DateTime nowUtc)
    {
        var errors = new List<ValidationError>();
        ContactChannel channel = default;
        if (!Enum.TryParse(Channel, out channel) || channel is not (ContactChannel.Phone or ContactChannel.Email or ContactChannel.InPerson))
        {
            errors.Add(new(nameof(Channel), "Select how the contact was received"));
        }

        var received = ReceivedAtUtc(errors);
        ReferralSource? source = Enum.TryParse<ReferralSource>(ReferralSource, out var s) && Enum.IsDefined(s) ? s : null;
        var concerns = Concerns.Select(c => Enum.TryParse<ConcernCategory>(c, out var v) ? v : (ConcernCategory)(-1)).ToList();
        var people = new List<NewPerson>();
        for (var i = 0; i < Children.Count; i++)
        {
            var personErrors = new List<ValidationError>();
            people.Add(Children[i].ToNewPerson(personErrors, nowUtc));
            errors.AddRange(personErrors.Select(e => new ValidationError($"Children[{i}].{e.Field}", $"{Label(Children[i], i, "Child")}: {e.Message}")));
        }

        for (var i = 0; i < Adults.Count; i++)
        {
            var personErrors = new List<ValidationError>();
            people.Add(Adults[i].ToNewPerson(personErrors, nowUtc));
            errors.AddRange(personErrors.Select(e => new ValidationError($"Adults[{i}].{e.Field}", $"{Label(Adults[i], i, "Person")}: {e.Message}")));
        }

        var contact = new NewContact
        {
            Channel = channel,
            ReceivedAtUtc = received,
            ReferrerName = ReferrerName,
            ReferrerRole = ReferrerRole,
            ReferrerAgency = ReferrerAgency,
            ReferrerPhone = ReferrerPhone,
            ReferrerEmail = ReferrerEmail,
            ReferrerRelationship = ReferrerRelationship,
            ConcernCategories = concerns,
            WhatHappened = WhatHappened,
            ReferrerRequest = ReferrerRequest,
            ChildsVoice = ChildsVoice,
            AdditionalNeeds = AdditionalNeeds,
            FamilyAware = YesNo(FamilyAware),
            FamilyConsented = YesNo(FamilyConsented),
            NoConsentReason = NoConsentReason,
            ReferrerSpokenTo = YesNo(ReferrerSpokenTo),
            ReferralSource = source,
            People = people,
            Attachments = Attachments.Select(a => new NewAttachment(a.FileName, string.Empty, Convert.FromBase64String(a.ContentBase64))).ToList(),
        };
        return (contact, errors);
    }

    /// <summary>Every problem with the whole form, keyed by form field (people's own fields are checked by the form).</summary>
    public List<ValidationError> Validate(DateTime nowUtc)
    {
        var (contact, errors) = ToNewContact(nowUtc);
        var service = ContactService.Validate(contact, nowUtc).Where(e => !e.Field.StartsWith("People[", StringComparison.Ordinal));
        foreach (var e in service)
        {
            var field = e.Field == nameof(NewContact.ReceivedAtUtc) ? nameof(ReceivedDate)
                : e.Field == nameof(NewContact.People) ? nameof(Children)
                : e.Field == nameof(NewContact.ConcernCategories) ? nameof(Concerns)
                : e.Field;
            if (errors.All(x => x.Field != field))
            {
                errors.Add(e with { Field = field });
            }
        }

        return errors;
    }

    public DateTime? ReceivedAtUtc(List<ValidationError> errors)
    {
        var date = ReceivedDate.Parse(out var dateValid);
        if (!dateValid || date is null)
        {
            errors.Add(new(nameof(ReceivedDate), date is null && dateValid ? "Enter the date the contact was received" : "Date received must be a real date, like 27 3 2026"));
            return null;
        }

        if (!TimeOnly.TryParseExact(ReceivedTime ?? string.Empty, ["H:mm", "HH:mm", "H.mm", "HH.mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            errors.Add(new(nameof(ReceivedTime), "Enter the time received in 24-hour format, like 14:30"));
            return null;
        }

        var local = date.Value.ToDateTime(time, DateTimeKind.Unspecified);
        if (LocalZone.IsInvalidTime(local))
        {
            errors.Add(new(nameof(ReceivedTime), "That time did not happen because the clocks went forward: enter the time again"));
            return null;
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, LocalZone);
    }

    public void SetReceivedNow(DateTime nowUtc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(nowUtc, LocalZone);
        ReceivedDate = DateParts.From(DateOnly.FromDateTime(local));
        ReceivedTime = local.ToString("HH:mm", CultureInfo.InvariantCulture);
    }

    public static bool? YesNo(string? value) => value switch
    {
        "yes" => true,
        "no" => false,
        _ => null,
    };

    private static string Label(PersonForm p, int i, string noun) => p.Name.Length > 0 ? p.Name : $"{noun} {i + 1}";

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
