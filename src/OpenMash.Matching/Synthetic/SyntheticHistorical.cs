using System.Globalization;

namespace OpenMash.Matching.Synthetic;

/// <summary>Settings of a generated file in the shape of Splink's "historical persons" set.</summary>
public sealed record HistoricalOptions
{
    public int Persons { get; init; } = 5_000;

    /// <summary>Records per person are drawn log-uniformly from 1 to this (mean about max / ln max): most persons
    /// have a few records, some have dozens.</summary>
    public int MaxRecordsPerPerson { get; init; } = 40;

    public int Seed { get; init; } = 1;
}

/// <summary>One record in the columns of Splink's <c>cluster</c>-labelled sets; <see cref="Cluster"/> is the truth.</summary>
public sealed record HistoricalRecord(string Id, string Cluster)
{
    public string FullName { get; init; } = string.Empty;
    public string FirstAndSurname { get; init; } = string.Empty;
    public string FirstName { get; init; } = string.Empty;
    public string Surname { get; init; } = string.Empty;
    public string Dob { get; init; } = string.Empty;
    public string BirthPlace { get; init; } = string.Empty;
    public string Postcode { get; init; } = string.Empty;
    public string Gender { get; init; } = string.Empty;
    public string Occupation { get; init; } = string.Empty;
}

/// <summary>Fictional "historical persons": full names with titles, middle names and suffixes ("sir ..., 2nd
/// baronet"), nicknames and initials, birth places, fake postcodes near the birth place, occupations, and many
/// records per person (several sources describing one person, each with its own gaps and errors).</summary>
public static class SyntheticHistorical
{
    // The generator's own titles and nicknames, written without looking at the matcher's tables (PersonName.Titles,
    // GivenNameVariants): some are in them and some are not, so a figure on this data measures how the matcher copes
    // with names it was not told about, not its tables read back to it.
    private static readonly string[] MaleTitles = ["sir", "lord", "dr", "rev", "captain", "admiral", "general", "colonel", "major", "professor", "earl", "duke", "saint", "mr", "canon", "alderman", "sergeant", "viscount"];
    private static readonly string[] FemaleTitles = ["lady", "dame", "dr", "mrs", "miss", "duchess", "countess", "saint", "professor", "baroness", "sister"];

    private static readonly Dictionary<string, string[]> Nicknames = new(StringComparer.Ordinal)
    {
        ["john"] = ["jack", "johnny", "jock"],
        ["william"] = ["bill", "will", "billy", "wills"],
        ["thomas"] = ["tom", "tommy"],
        ["henry"] = ["harry", "hal", "hank"],
        ["richard"] = ["dick", "rick", "dickon"],
        ["robert"] = ["bob", "rob", "bobby", "hob"],
        ["edward"] = ["ted", "ned", "eddie"],
        ["george"] = ["georgie", "geordie"],
        ["charles"] = ["charlie", "chas", "chuck"],
        ["james"] = ["jim", "jamie", "jem"],
        ["francis"] = ["frank", "frankie"],
        ["walter"] = ["wat", "walt"],
        ["samuel"] = ["sam", "sammy"],
        ["joseph"] = ["joe", "joey"],
        ["frederick"] = ["fred", "freddie"],
        ["arthur"] = ["art", "artie"],
        ["albert"] = ["bert", "bertie"],
        ["alfred"] = ["alf", "alfie"],
        ["nicholas"] = ["nick", "nicky"],
        ["peter"] = ["pete"],
        ["michael"] = ["mike", "mick"],
        ["anthony"] = ["tony"],
        ["christopher"] = ["kit", "chris", "kester"],
        ["matthew"] = ["matt"],
        ["benjamin"] = ["ben", "benjy"],
        ["daniel"] = ["dan", "danny"],
        ["david"] = ["dave", "davy"],
        ["philip"] = ["phil", "pip"],
        ["lawrence"] = ["larry", "laurie"],
        ["alexander"] = ["alec", "sandy", "alex"],
        ["theodore"] = ["theo", "teddy"],
        ["nathaniel"] = ["nat", "nathan"],
        ["humphrey"] = ["humph"],
        ["geoffrey"] = ["geoff", "jeff"],
        ["cuthbert"] = ["cuddy"],
        ["percival"] = ["percy"],
        ["horace"] = ["horry"],
        ["mary"] = ["molly", "polly", "mae"],
        ["elizabeth"] = ["bess", "betty", "lizzie", "eliza", "libby"],
        ["anne"] = ["nan", "nancy", "annie"],
        ["margaret"] = ["peg", "peggy", "maggie", "meg", "daisy"],
        ["catherine"] = ["kate", "kitty", "cathy", "kit"],
        ["jane"] = ["jenny", "jennet"],
        ["sarah"] = ["sally", "sadie"],
        ["eleanor"] = ["nell", "ellie", "nora"],
        ["frances"] = ["fanny", "frankie"],
        ["dorothy"] = ["dolly", "dot"],
        ["susan"] = ["sue", "sukey"],
        ["rebecca"] = ["becky"],
        ["charlotte"] = ["lottie", "charlie"],
        ["harriet"] = ["hattie", "hetty"],
        ["victoria"] = ["vicky"],
        ["florence"] = ["flo", "florrie"],
        ["edith"] = ["edie"],
        ["agnes"] = ["aggie", "nessa"],
        ["matilda"] = ["tilly", "maud"],
        ["isabella"] = ["bella", "isa"],
        ["helen"] = ["nell"],
        ["penelope"] = ["penny"],
        ["beatrice"] = ["bea", "trixie"],
        ["winifred"] = ["winnie", "freda"],
        ["amelia"] = ["millie"],
        ["louisa"] = ["lou"],
        ["henrietta"] = ["etta", "hetty"],
    };
    private static readonly string[] Suffixes = ["jr", "sr", "ii", "iii", "1st baronet", "2nd baronet", "3rd earl"];
    private static readonly string[] OldMale = ["john", "william", "thomas", "henry", "richard", "robert", "edward", "george", "charles", "james", "francis", "walter", "hugh", "ralph", "samuel", "joseph", "frederick", "arthur", "albert", "alfred", "nicholas", "peter", "stephen", "michael", "anthony", "christopher", "matthew", "benjamin", "daniel", "david", "philip", "lawrence", "leonard", "patrick", "timothy", "jonathan", "alexander", "theodore", "nathaniel", "gilbert", "humphrey", "roger", "geoffrey", "edmund", "oswald", "rupert", "percival", "horace", "ambrose", "cuthbert"];
    private static readonly string[] OldFemale = ["mary", "elizabeth", "anne", "margaret", "catherine", "jane", "sarah", "alice", "eleanor", "frances", "dorothy", "susan", "rebecca", "charlotte", "emily", "harriet", "victoria", "florence", "edith", "agnes", "matilda", "isabella", "joan", "helen", "deborah", "patricia", "christine", "jennifer", "penelope", "georgina", "beatrice", "winifred", "mabel", "ada", "grace", "lucy", "amelia", "sophia", "louisa", "henrietta"];
    private static readonly string[] Occupations = ["politician", "painter", "poet", "novelist", "soldier", "naval officer", "priest", "bishop", "physician", "surgeon", "lawyer", "judge", "merchant", "banker", "engineer", "architect", "composer", "actor", "singer", "botanist", "chemist", "astronomer", "mathematician", "philosopher", "historian", "explorer", "inventor", "journalist", "diplomat", "cricketer", "footballer", "sculptor", "printer", "publisher", "teacher", "economist", "geologist", "missionary", "courtier", "landowner"];

    public static IReadOnlyList<HistoricalRecord> Generate(HistoricalOptions o)
    {
        var rng = new Random(o.Seed);
        var result = new List<HistoricalRecord>();
        var places = SyntheticChildren.SurnameHeads.SelectMany(h => SyntheticChildren.SurnameTails.Select(t => h + t)).ToArray();
        for (var p = 0; p < o.Persons; p++)
        {
            var male = rng.NextDouble() < 0.7;
            var first = Pick(rng, male ? OldMale : OldFemale);
            var middle = rng.NextDouble() < 0.5 ? Pick(rng, male ? OldMale : OldFemale) : string.Empty;
            var surname = rng.NextDouble() < 0.4
                ? Pick(rng, SyntheticChildren.CommonSurnames).Replace("'", string.Empty, StringComparison.Ordinal)
                : SyntheticChildren.SurnameHeads[rng.Next(SyntheticChildren.SurnameHeads.Length)] + SyntheticChildren.SurnameTails[rng.Next(SyntheticChildren.SurnameTails.Length)];
            var title = rng.NextDouble() < 0.35 ? Pick(rng, male ? MaleTitles : FemaleTitles) : string.Empty;
            var suffix = rng.NextDouble() < 0.1 ? Suffixes[rng.Next(Suffixes.Length)] : string.Empty;
            var dob = new DateOnly(1500, 1, 1).AddDays(rng.Next(450 * 365));
            var placeIndex = (int)(Math.Pow(rng.NextDouble(), 2) * places.Length);
            var place = places[placeIndex];
            var outward = string.Create(CultureInfo.InvariantCulture, $"{(char)('a' + (placeIndex % 26))}{(char)('a' + (placeIndex / 26 % 26))}{1 + (placeIndex % 19)}");
            string[] jobs = rng.NextDouble() < 0.4 ? [Pick(rng, Occupations), Pick(rng, Occupations)] : [Pick(rng, Occupations)];
            var count = (int)Math.Floor(Math.Exp(rng.NextDouble() * Math.Log(o.MaxRecordsPerPerson + 1)));
            for (var c = 0; c < Math.Max(1, count); c++)
            {
                var given = first;
                var roll = rng.NextDouble();
                if (roll < 0.15 && Nicknames.TryGetValue(first, out var v))
                {
                    given = v[rng.Next(v.Length)];
                }
                else if (roll < 0.2)
                {
                    given = SyntheticDuplicates.Typo(rng, first);
                }

                var sur = rng.NextDouble() < 0.07 ? SyntheticDuplicates.Typo(rng, surname) : surname;
                var fullGiven = rng.NextDouble() < 0.05 ? first[..1] : given;
                var parts = new List<string>();
                if (title.Length > 0 && rng.NextDouble() < 0.6)
                {
                    parts.Add(title);
                }

                parts.Add(fullGiven);
                if (middle.Length > 0 && rng.NextDouble() < 0.6)
                {
                    parts.Add(rng.NextDouble() < 0.2 ? middle[..1] : middle);
                }

                parts.Add(sur);
                var full = string.Join(' ', parts);
                if (suffix.Length > 0 && rng.NextDouble() < 0.6)
                {
                    full += suffix.Contains(' ', StringComparison.Ordinal) ? $", {suffix}" : $" {suffix}";
                }

                var firstName = rng.NextDouble() < 0.1 ? string.Empty : given;
                var surnameField = rng.NextDouble() < 0.08 ? string.Empty : sur;
                var d = dob;
                var dobRoll = rng.NextDouble();
                var dobText = d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                if (dobRoll < 0.15)
                {
                    dobText = string.Empty;
                }
                else if (dobRoll < 0.25)
                {
                    dobText = d.AddYears(rng.Next(2) == 0 ? -1 - rng.Next(3) : 1 + rng.Next(3)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                }
                else if (dobRoll < 0.32)
                {
                    dobText = d.AddDays(rng.Next(-40, 41)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                }
                else if (dobRoll < 0.37)
                {
                    dobText = string.Create(CultureInfo.InvariantCulture, $"{d.Year:0000}-01-01");
                }

                var placeRoll = rng.NextDouble();
                var birthPlace = placeRoll < 0.25 ? string.Empty : placeRoll < 0.3 ? SyntheticDuplicates.Typo(rng, place) : place;
                var pcRoll = rng.NextDouble();
                var postcode = pcRoll < 0.2 ? string.Empty
                    : string.Create(CultureInfo.InvariantCulture, $"{(pcRoll < 0.3 ? $"{(char)('a' + rng.Next(26))}{(char)('a' + rng.Next(26))}{1 + rng.Next(19)}" : outward)} {rng.Next(10)}{(char)('a' + rng.Next(26))}{(char)('a' + rng.Next(26))}");
                result.Add(new HistoricalRecord($"Q{p}-{c}", $"Q{p}")
                {
                    FullName = full,
                    FirstAndSurname = string.Join(' ', new[] { firstName, surnameField }.Where(s => s.Length > 0)),
                    FirstName = firstName,
                    Surname = surnameField,
                    Dob = dobText,
                    BirthPlace = birthPlace,
                    Postcode = postcode,
                    Gender = rng.NextDouble() < 0.1 ? string.Empty : male ? "male" : "female",
                    Occupation = rng.NextDouble() < 0.3 ? string.Empty : jobs[rng.Next(jobs.Length)],
                });
            }
        }

        return [.. result.OrderBy(_ => rng.Next())];
    }

    private static string Pick(Random rng, string[] list) => list[(int)(Math.Pow(rng.NextDouble(), 2) * list.Length)];
}
