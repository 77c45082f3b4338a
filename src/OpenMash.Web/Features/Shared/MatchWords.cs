using System.Globalization;
using OpenMash.Matching;

namespace OpenMash.Web.Features.Shared;

/// <summary>
/// The matcher's evidence in people's words: its field and level names are the library's identifiers
/// (<see cref="Comparisons.FieldNames"/>, <see cref="Comparisons.LevelNames"/>), never shown as they are.
/// </summary>
public static class MatchWords
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static string Field(string field) => field switch
    {
        "GivenName" => "First name",
        "FamilyName" => "Last name",
        "DateOfBirth" => "Date of birth",
        "NhsNumber" => "NHS number",
        "Address" => "Address",
        "Sex" => "Sex",
        "Email" => "E-mail address",
        "BirthPlace" => "Place of birth",
        "Occupation" => "Occupation",
        "Household" => "Household",
        _ => field,
    };

    public static string Level(string field, string level) => (field, level) switch
    {
        (_, "Exact" or "Same") => "Same",
        (_, "Different") => "Different",
        (_, "Nickname") => "A short form or nickname of the other",
        (_, "SwappedWithFamilyName") => "First and last names swapped",
        (_, "OneNameInOtherField") => "Found in the other record's last name",
        (_, "JaroWinkler>=0.92") => "Spelled a little differently",
        (_, "JaroWinkler>=0.80") => "Spelled differently, but alike",
        (_, "OneEdit") => field == "DateOfBirth" || field == "NhsNumber" ? "One digit different" : "One letter different",
        (_, "TwoEdits") => "Two letters different",
        (_, "TwoDigits") => "Two digits different",
        (_, "Phonetic") => "Sounds the same, spelled differently",
        (_, "OtherGivenNameOrInitial") => "Matches another of their first names, or an initial",
        (_, "SharedPartOrPreviousName") => "Part of the name or a previous name agrees",
        (_, "DayMonthSwapped") => "Day and month swapped",
        (_, "WithinMonth") => "Within a month",
        (_, "SameYear") => "Same year only",
        (_, "LineAndPostcode") => "Same address and postcode",
        (_, "LineAndTown") => "Same address and town",
        (_, "Line") => "Same first line of address",
        (_, "PostcodeAndTown") => "Same postcode and town",
        (_, "Postcode") => "Same postcode",
        (_, "PartOfLineAndTown") => "Part of the address and the town agree",
        (_, "PartOfLine") => "Part of the address agrees",
        (_, "NearPostcodeAndTown") => "Nearby postcode and same town",
        (_, "Town") => "Same town only",
        (_, "NearPostcode") => "Nearby postcode",
        (_, "SameLocalPart") => "Same name before the @",
        (_, "Missing") => "Not known on one record",
        (_, "CountedInGivenNameSwap") => "Counted with the first name (swapped)",
        (_, "FamilyNameAndAddressBothAgree") => "Same last name and address: may be a brother or sister rather than the same person",
        _ => level,
    };

    /// <summary>"Likely match" or "Possible match", from the pair's one probability.</summary>
    public static string Band(MatchBand band) => band switch
    {
        MatchBand.Likely => "Likely match",
        MatchBand.Possible => "Possible match",
        _ => "Unlikely match",
    };

    /// <summary>The probability as a whole percentage, "87%", the one way it is written.</summary>
    public static string Percent(double probability) => probability.ToString("P0", EnGb).Replace(" ", string.Empty, StringComparison.Ordinal);
}
