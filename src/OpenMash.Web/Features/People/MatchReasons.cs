using System.Globalization;
using OpenMash.Matching;
using OpenMash.Web.Features.Shared;

namespace OpenMash.Web.Features.People;

/// <summary>
/// Why a search result matched, one line per detail searched, in people's words. Names come from the matcher's
/// agreement levels (what it scored); the date of birth, postcode and identifiers are compared here with the record
/// itself, because the search may give only part of a date and the person may have moved.
/// </summary>
public static class MatchReasons
{
    public static IReadOnlyList<string> For(PersonQuery query, Person person, MatchCandidate? candidate, bool byFormalName)
    {
        var reasons = new List<string>();
        if (query.NameWords.Count > 0)
        {
            reasons.AddRange(NameReasons(query, person, candidate, byFormalName));
        }

        if (!query.DateOfBirth.IsEmpty)
        {
            reasons.Add(DateOfBirthReason(query.DateOfBirth, person));
        }

        if (!string.IsNullOrWhiteSpace(query.NhsNumber))
        {
            reasons.Add("NHS number: " + IdentifierWords(Identifiers.Normalise(query.NhsNumber), person.NhsNumber));
        }

        if (!string.IsNullOrWhiteSpace(query.Upn))
        {
            reasons.Add("UPN: " + IdentifierWords(Identifiers.Normalise(query.Upn).ToUpperInvariant(), person.Upn));
        }

        if (!string.IsNullOrWhiteSpace(query.Postcode))
        {
            reasons.Add(PostcodeReason(PersonAddress.NormalisePostcode(query.Postcode), person));
        }

        return reasons;
    }

    private static IEnumerable<string> NameReasons(PersonQuery query, Person person, MatchCandidate? candidate, bool byFormalName)
    {
        if (candidate is null)
        {
            yield return "Name: contains what was typed";
            yield break;
        }

        var searchedFirst = query.NameWords[0];
        var recordFirst = person.GivenNames.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? person.GivenNames;
        var given = candidate.Evidence.FirstOrDefault(e => e.Field == "GivenName");
        var family = candidate.Evidence.FirstOrDefault(e => e.Field == "FamilyName");
        var single = query.NameWords.Count == 1;
        if (given is { Level: "SwappedWithFamilyName" })
        {
            yield return "Name: first and last names the other way round";
        }
        else if (given is { Level: "OneNameInOtherField" })
        {
            yield return single ? "Name: the name searched is one of their names" : "Name: a name searched is in their other name field";
        }
        else if (given is not null && given.Level != "Missing")
        {
            var nickname = byFormalName || given.Level == "Nickname";
            yield return nickname
                ? $"First name: a nickname or short form of the name searched ({Nickname(searchedFirst, recordFirst)})"
                : "First name: " + Similarity(given.Level, given.Weight, searchedFirst, recordFirst);
        }

        if (family is not null && family.Level is not "Missing" and not "CountedInGivenNameSwap")
        {
            yield return family.Level == "SharedPartOrPreviousName"
                ? "Last name: part of it, or another or previous name they are known by, is the same"
                : "Last name: " + Similarity(family.Level, family.Weight, query.NameWords[^1], person.FamilyName);
        }
    }

    /// <summary>Which of the two is the short form: "Bill for William".</summary>
    private static string Nickname(string searched, string recorded)
    {
        var formalOfSearched = GivenNameVariants.FormalNames(searched.ToLowerInvariant());
        return formalOfSearched.Contains(recorded.ToLowerInvariant(), StringComparer.Ordinal) ? $"{searched} for {recorded}" : $"{recorded} for {searched}";
    }

    /// <summary>The matcher's level in words; a close spelling says how many letters differ when it is one or two.</summary>
    private static string Similarity(string level, double weight, string searched, string recorded)
    {
        if (level is "OneEdit" or "TwoEdits" or "JaroWinkler>=0.92" or "JaroWinkler>=0.80" or "Phonetic")
        {
            var edits = Edits(Letters(searched), Letters(recorded));
            if (edits is 1 or 2)
            {
                return edits == 1 ? "one letter different" : "two letters different";
            }
        }

        return Words(level, weight);
    }

    private static string Letters(string name) => new([.. name.ToLowerInvariant().Where(char.IsLetter)]);

    /// <summary>Letters added, removed, changed or swapped with the next one (optimal string alignment distance).</summary>
    private static int Edits(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    /// <summary>The matcher's level in the words every matcher page uses (<see cref="MatchWords.Level"/>), after "First name: ".</summary>
    private static string Words(string level, double weight) =>
        MatchWords.Level("GivenName", level) is var words && words != level
            ? char.ToLowerInvariant(words[0]) + words[1..]
            : weight > 0 ? "similar" : "different";

    private static string DateOfBirthReason(PartialDate searched, Person person)
    {
        if (person.DateOfBirth is not { } dob)
        {
            return "Date of birth: not recorded";
        }

        var estimated = person.DateOfBirthIsEstimated ? " (their date of birth is estimated)" : string.Empty;
        string words;
        if (searched.Month == 0)
        {
            words = dob.Year == searched.Year ? "same year" : "different year";
        }
        else if (searched.Day == 0)
        {
            words = dob.Year == searched.Year && dob.Month == searched.Month ? "same year and month"
                : dob.Year == searched.Year ? "same year, different month" : "different";
        }
        else
        {
            var wanted = new DateOnly(searched.Year, searched.Month, searched.Day);
            var digits = wanted.ToString("yyyyMMdd", CultureInfo.InvariantCulture).Zip(dob.ToString("yyyyMMdd", CultureInfo.InvariantCulture)).Count(p => p.First != p.Second);
            words = dob == wanted ? "same"
                : dob.Year == wanted.Year && dob.Month == wanted.Day && dob.Day == wanted.Month ? "day and month the other way round"
                : digits == 1 ? "one digit different"
                : Math.Abs(dob.DayNumber - wanted.DayNumber) <= 31 ? "within a month"
                : digits == 2 ? "two digits different"
                : dob.Year == wanted.Year ? "same year"
                : "different";
        }

        return "Date of birth: " + words + estimated;
    }

    private static string IdentifierWords(string searched, string? recorded) =>
        recorded is null ? "not recorded"
        : recorded == searched ? "same"
        : recorded.Length == searched.Length && recorded.Zip(searched).Count(p => p.First != p.Second) == 1 ? "one character different"
        : "different";

    private static string PostcodeReason(string searched, Person person)
    {
        var current = person.Addresses.Where(a => a.To == null).ToList();
        if (current.Any(a => a.Postcode == searched))
        {
            return "Postcode: same";
        }

        if (person.Addresses.Any(a => a.Postcode == searched))
        {
            return "Postcode: same as a past address";
        }

        if (person.Addresses.Count == 0)
        {
            return "Postcode: no address recorded";
        }

        var outward = searched.Split(' ')[0];
        return person.Addresses.Any(a => a.Postcode.Split(' ')[0] == outward) ? "Postcode: same area, different postcode" : "Postcode: different";
    }
}
