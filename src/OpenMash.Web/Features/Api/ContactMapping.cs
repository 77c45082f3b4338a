using System.Globalization;
using System.Text.RegularExpressions;
using OpenMash.Web.Features.Contacts;

namespace OpenMash.Web.Features.Api;

/// <summary>
/// Turns an API request into a <see cref="NewContact"/>, collecting the problems only the API can have (unknown
/// code values, bad base64), and names the service's validation errors by the JSON path the client sent.
/// </summary>
public static partial class ContactMapping
{
    public static (NewContact Contact, Dictionary<string, List<string>> Errors, Func<string, string> FieldName) Map(ApiContactRequest r)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }

            list.Add(message);
        }

        DateTime? receivedAt = null;
        if (!string.IsNullOrWhiteSpace(r.ReceivedAt))
        {
            if (OffsetSuffix().IsMatch(r.ReceivedAt.Trim())
                && DateTimeOffset.TryParse(r.ReceivedAt.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                receivedAt = parsed.UtcDateTime;
            }
            else
            {
                Add("receivedAt", "Enter the time received as an ISO 8601 date and time with an offset, like 2026-11-25T09:30:00Z");
            }
        }

        var categories = new List<ConcernCategory>();
        var given = r.ConcernCategories ?? [];
        for (var i = 0; i < given.Count; i++)
        {
            if (ParseName<ConcernCategory>(given[i]) is { } category)
            {
                categories.Add(category);
            }
            else
            {
                Add($"concernCategories[{i}]", $"Use a concern category from the list: {string.Join(", ", Enum.GetNames<ConcernCategory>())}");
            }
        }

        ReferralSource? source = null;
        if (!string.IsNullOrWhiteSpace(r.ReferralSource))
        {
            source = ParseReferralSource(r.ReferralSource.Trim());
            if (source is null)
            {
                Add("referralSource", "Use a referral source name (like Police) or its census code (like 6)");
            }
        }

        var people = new List<NewPerson>();
        var personPaths = new List<string>();
        var children = r.Children ?? [];
        for (var i = 0; i < children.Count; i++)
        {
            people.Add(MapPerson(children[i], SubjectRole.Child, $"children[{i}]", Add));
            personPaths.Add($"children[{i}]");
        }

        var others = r.OtherPeople ?? [];
        for (var i = 0; i < others.Count; i++)
        {
            var path = $"otherPeople[{i}]";
            var role = ParseName<SubjectRole>(others[i].Role);
            if (role is null or SubjectRole.Child)
            {
                // Still checked as an adult, so that every other problem with this person is listed too.
                Add(path + ".role", "Enter the person's role: HouseholdMember or AssociatedAdult (put children in children)");
                role = SubjectRole.AssociatedAdult;
            }

            people.Add(MapPerson(others[i], role.Value, path, Add));
            personPaths.Add(path);
        }

        var attachments = new List<NewAttachment>();
        var attachmentPaths = new List<string>();
        var files = r.Attachments ?? [];
        for (var i = 0; i < files.Count; i++)
        {
            var path = $"attachments[{i}]";
            var file = files[i];
            var content = new byte[((file.ContentBase64?.Length ?? 0) * 3 / 4) + 3];
            if (string.IsNullOrWhiteSpace(file.FileName))
            {
                Add(path + ".fileName", "Enter the file's name, with its extension");
            }
            else if (string.IsNullOrEmpty(file.ContentBase64) || !Convert.TryFromBase64String(file.ContentBase64, content, out var length))
            {
                Add(path + ".contentBase64", "Send the file's content in base64");
            }
            else
            {
                var type = ContactService.AllowedAttachmentTypes.GetValueOrDefault(Path.GetExtension(file.FileName), "application/octet-stream");
                attachments.Add(new NewAttachment(file.FileName, type, content[..length]));
                attachmentPaths.Add(path);
            }
        }

        var contact = new NewContact
        {
            Channel = ContactChannel.AgencySystem,
            ReceivedAtUtc = receivedAt,
            ReferrerName = r.ReferrerName,
            ReferrerRole = r.ReferrerRole,
            ReferrerAgency = r.ReferrerAgency,
            ReferrerPhone = r.ReferrerPhone,
            ReferrerEmail = r.ReferrerEmail,
            ReferrerRelationship = r.ReferrerRelationship,
            ConcernCategories = categories,
            WhatHappened = r.WhatHappened,
            ReferrerRequest = r.ReferrerRequest,
            ChildsVoice = r.ChildsVoice,
            AdditionalNeeds = r.AdditionalNeeds,
            FamilyAware = r.FamilyAware,
            FamilyConsented = r.FamilyConsented,
            NoConsentReason = r.NoConsentReason,
            ReferrerSpokenTo = r.ReferrerSpokenTo,
            ReferralSource = source,
            People = people,
            Attachments = attachments,
        };

        string FieldName(string field)
        {
            var match = IndexedField().Match(field);
            if (match.Success)
            {
                var index = int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture);
                var paths = match.Groups["list"].Value == "People" ? personPaths : attachmentPaths;
                var prefix = index < paths.Count ? paths[index] : Camel(match.Groups["list"].Value) + $"[{index}]";
                return match.Groups["rest"].Success ? $"{prefix}.{Camel(match.Groups["rest"].Value)}" : prefix;
            }

            return field switch
            {
                nameof(NewContact.People) => "children",
                nameof(NewContact.ReceivedAtUtc) => "receivedAt",
                _ => Camel(field),
            };
        }

        return (contact, errors, FieldName);
    }

    /// <summary>Adds the service's errors, except where the client's own value could not be read at all.</summary>
    public static void Merge(Dictionary<string, List<string>> errors, IEnumerable<ValidationError> serviceErrors, Func<string, string> fieldName)
    {
        var unreadable = errors.Keys.ToList();
        foreach (var error in serviceErrors)
        {
            var field = fieldName(error.Field);
            if (unreadable.Any(u => u == field || u.StartsWith(field + "[", StringComparison.Ordinal) || u.StartsWith(field + ".", StringComparison.Ordinal)))
            {
                continue;
            }

            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }

            list.Add(error.Message);
        }
    }

    public static ReferralSource? ParseReferralSource(string value) =>
        Enum.GetValues<ReferralSource>().Where(s => string.Equals(s.Code(), value, StringComparison.OrdinalIgnoreCase)).Cast<ReferralSource?>().FirstOrDefault()
        ?? ParseName<ReferralSource>(value);

    /// <summary>Names only: Enum.TryParse would also take "17" as a number.</summary>
    private static T? ParseName<T>(string? value)
        where T : struct, Enum =>
        value is null ? null : Enum.GetValues<T>().Cast<T?>().FirstOrDefault(v => string.Equals(v.ToString(), value.Trim(), StringComparison.OrdinalIgnoreCase));

    private static NewPerson MapPerson(ApiPerson p, SubjectRole role, string path, Action<string, string> addError)
    {
        var sex = Sex.U;
        if (!string.IsNullOrWhiteSpace(p.Sex))
        {
            switch (p.Sex.Trim().ToUpperInvariant())
            {
                case "M" or "MALE":
                    sex = Sex.M;
                    break;
                case "F" or "FEMALE":
                    sex = Sex.F;
                    break;
                case "U" or "UNKNOWN":
                    break;
                default:
                    addError(path + ".sex", "Sex must be M, F or U");
                    break;
            }
        }

        return new NewPerson(
            role,
            GivenNames: p.GivenNames,
            FamilyName: p.FamilyName,
            DateOfBirth: p.DateOfBirth,
            DateOfBirthIsEstimated: p.DateOfBirthIsEstimated ?? false,
            ExpectedDeliveryDate: p.ExpectedDeliveryDate,
            Sex: sex,
            NhsNumber: p.NhsNumber,
            Upn: p.Upn,
            EthnicityCode: p.EthnicityCode,
            AddressLine1: p.AddressLine1,
            Town: p.Town,
            Postcode: p.Postcode);
    }

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    [GeneratedRegex(@"(Z|[+-]\d\d:?\d\d)$", RegexOptions.IgnoreCase)]
    private static partial Regex OffsetSuffix();

    [GeneratedRegex(@"^(?<list>People|Attachments)\[(?<index>\d+)\](\.(?<rest>.+))?$")]
    private static partial Regex IndexedField();
}
