using System.Globalization;
using System.Text;

namespace OpenMash.Matching.Synthetic;

/// <summary>How many duplicates each original that has any gets, between 1 and the maximum.</summary>
public enum DuplicateCounts
{
    /// <summary>Every count from 1 to the maximum equally likely.</summary>
    Uniform = 0,

    /// <summary>Zipf: a count of k has weight 1/k, so most originals have one duplicate and a few have many.</summary>
    Skewed = 1,

    /// <summary>1 + Poisson with mean (maximum - 1) / 2, cut at the maximum.</summary>
    Poisson = 2,
}

/// <summary>Settings of a FEBRL-style file: originals and duplicates of them, each duplicate with a few corrupted fields.</summary>
public sealed record DuplicateFileOptions
{
    /// <summary>Records to write (originals plus duplicates); fewer when the duplicate share cannot be reached.</summary>
    public int Records { get; init; } = 5_000;

    /// <summary>Share of the records that are duplicates of an original (FEBRL's febrl2-style files: 0.4 to 0.6).</summary>
    public double DuplicateShare { get; init; } = 0.6;

    public int MaxDuplicatesPerOriginal { get; init; } = 5;

    public DuplicateCounts Distribution { get; init; } = DuplicateCounts.Skewed;

    /// <summary>Each duplicate has between 1 and this many fields corrupted (each field once or twice).</summary>
    public int MaxCorruptedFields { get; init; } = 4;

    /// <summary>Each corrupted field gets between 1 and this many modifications.</summary>
    public int MaxModificationsPerField { get; init; } = 2;

    /// <summary>Share of duplicates recorded at another address (number, street, suburb and postcode all new), on top
    /// of the corrupted fields.</summary>
    public double AddressChangeShare { get; init; } = 0.1;

    /// <summary>Write an identifier column (FEBRL's soc_sec_id), which duplicates may have corrupted like any field.</summary>
    public bool Identifier { get; init; } = true;

    public int Seed { get; init; } = 1;
}

/// <summary>One generated record in FEBRL's columns; <see cref="Entity"/> is the truth (the original's number).</summary>
public sealed record FebrlStyleRecord(string Id, string Entity)
{
    public string GivenName { get; init; } = string.Empty;
    public string Surname { get; init; } = string.Empty;
    public string StreetNumber { get; init; } = string.Empty;
    public string Address1 { get; init; } = string.Empty;
    public string Address2 { get; init; } = string.Empty;
    public string Suburb { get; init; } = string.Empty;
    public string Postcode { get; init; } = string.Empty;
    public string State { get; init; } = string.Empty;

    /// <summary>yyyyMMdd as written (corruption may leave an impossible date).</summary>
    public string DateOfBirth { get; init; } = string.Empty;

    public string Identifier { get; init; } = string.Empty;

    /// <summary>The record as the matcher reads a FEBRL file (street number, address_1 and address_2 as one line).</summary>
    public MatchRecord ToMatchRecord(int source = 0, bool withIdentifier = true) => new($"{source}:{Id}")
    {
        GivenNames = Empty(GivenName),
        FamilyName = Empty(Surname),
        DateOfBirth = PartialDate.Parse(DateOfBirth),
        NhsNumber = withIdentifier ? Empty(Identifier) : null,
        Postcode = Empty(Postcode),
        AddressLine = Empty(string.Join(' ', new[] { StreetNumber, Address1, Address2 }.Where(s => s.Length > 0))),
        Town = Empty(Suburb),
        Source = source,
    };

    private static string? Empty(string s) => s.Length == 0 ? null : s;
}

/// <summary>A generator of files in the shape of FEBRL's de-duplication and linkage sets (Christen's generator:
/// originals, then up to N duplicates per original with a uniform, Zipf or Poisson count, K corrupted fields per
/// duplicate by typing, OCR and phonetic errors, missing values, swapped words or fields and replaced values), with
/// fictional names from the children generator's lists and invented streets and suburbs. Used to test the matcher on
/// shapes the project holds no file of: heavy skewed duplication, many corrupted fields, identifier present or not.</summary>
public static class SyntheticDuplicates
{
    private static readonly string[] Given = [.. SyntheticChildren.BoysEarly.Concat(SyntheticChildren.BoysLate)
        .Concat(SyntheticChildren.GirlsEarly).Concat(SyntheticChildren.GirlsLate).Distinct(StringComparer.Ordinal)];

    private static readonly string[] Syllables = ["ka", "lo", "mi", "ra", "ten", "zo", "bel", "dar", "fin", "gal", "jun", "kes", "lan", "mor", "nel", "pia", "quin", "ros", "sul", "tam", "vey", "wyn", "yse", "zan"];
    private static readonly string[] States = ["nsw", "vic", "qld", "wa", "sa", "tas", "act", "nt"];
    private static readonly string[] Buildings = ["the oaks", "rose cottage", "flat 2", "unit 5", "kerrin court", "wattle house", "building 3", "the mews", "apartment 11", "lot 7"];

    /// <summary>A de-duplication file: originals and their duplicates, shuffled.</summary>
    public static IReadOnlyList<FebrlStyleRecord> Deduplication(DuplicateFileOptions o)
    {
        var rng = new Random(o.Seed);
        var duplicates = (int)Math.Round(o.Records * Math.Clamp(o.DuplicateShare, 0, 0.95));
        var originals = o.Records - duplicates;
        var counts = new int[originals];
        var remaining = duplicates;
        var order = Enumerable.Range(0, originals).OrderBy(_ => rng.Next()).ToArray();

        // Originals are drawn in random order and given a count from the distribution until the duplicates are used
        // up; when every original has had a turn, counts are drawn again (capped at the maximum) for the rest.
        for (var pass = 0; remaining > 0 && pass < 50; pass++)
        {
            foreach (var i in order)
            {
                if (remaining == 0)
                {
                    break;
                }

                var c = Math.Min(Math.Min(Draw(rng, o), o.MaxDuplicatesPerOriginal - counts[i]), remaining);
                counts[i] += c;
                remaining -= c;
            }
        }

        var result = new List<FebrlStyleRecord>(o.Records);
        for (var i = 0; i < originals; i++)
        {
            var org = Original(rng, i, o);
            result.Add(org);
            for (var d = 0; d < counts[i]; d++)
            {
                result.Add(Duplicate(rng, org, $"rec-{i}-dup-{d}", o));
            }
        }

        return [.. result.OrderBy(_ => rng.Next())];
    }

    /// <summary>Two files to link, as FEBRL's febrl4: every original in the first and one corrupted copy of each in
    /// the second, so that each record has exactly one match in the other file.</summary>
    public static (IReadOnlyList<FebrlStyleRecord> A, IReadOnlyList<FebrlStyleRecord> B) Linkage(DuplicateFileOptions o)
    {
        var rng = new Random(o.Seed);
        var a = new List<FebrlStyleRecord>(o.Records);
        var b = new List<FebrlStyleRecord>(o.Records);
        for (var i = 0; i < o.Records; i++)
        {
            var org = Original(rng, i, o);
            a.Add(org);
            b.Add(Duplicate(rng, org, $"rec-{i}-dup-0", o));
        }

        return ([.. a.OrderBy(_ => rng.Next())], [.. b.OrderBy(_ => rng.Next())]);
    }

    private static int Draw(Random rng, DuplicateFileOptions o)
    {
        var max = Math.Max(1, o.MaxDuplicatesPerOriginal);
        switch (o.Distribution)
        {
            case DuplicateCounts.Uniform:
                return 1 + rng.Next(max);
            case DuplicateCounts.Poisson:
                {
                    var mean = (max - 1) / 2.0;
                    var l = Math.Exp(-mean);
                    var k = 0;
                    for (var p = rng.NextDouble(); p > l; p *= rng.NextDouble())
                    {
                        k++;
                    }

                    return Math.Min(max, 1 + k);
                }

            default:
                {
                    var h = 0.0;
                    for (var k = 1; k <= max; k++)
                    {
                        h += 1.0 / k;
                    }

                    var u = rng.NextDouble() * h;
                    for (var k = 1; k <= max; k++)
                    {
                        u -= 1.0 / k;
                        if (u <= 0)
                        {
                            return k;
                        }
                    }

                    return max;
                }
        }
    }

    private static string Pick(Random rng, string[] list) => list[(int)(Math.Pow(rng.NextDouble(), 2) * list.Length)];

    private static string GivenName(Random rng) => rng.NextDouble() < 0.8
        ? Pick(rng, Given)
        : string.Concat(Enumerable.Range(0, 2 + rng.Next(2)).Select(_ => Syllables[rng.Next(Syllables.Length)]));

    private static string Surname(Random rng) => rng.NextDouble() < 0.4
        ? Pick(rng, SyntheticChildren.CommonSurnames).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("'", string.Empty, StringComparison.Ordinal)
        : SyntheticChildren.SurnameHeads[rng.Next(SyntheticChildren.SurnameHeads.Length)] + SyntheticChildren.SurnameTails[rng.Next(SyntheticChildren.SurnameTails.Length)];

    private static (string Number, string Street, string Address2, string Suburb, string Postcode, string State) Address(Random rng)
    {
        var street = $"{SyntheticChildren.Streets[rng.Next(SyntheticChildren.Streets.Length)]} {SyntheticChildren.StreetKinds[rng.Next(SyntheticChildren.StreetKinds.Length)]}";
        var suburbIndex = rng.Next(SyntheticChildren.SurnameHeads.Length * SyntheticChildren.SurnameTails.Length);
        var suburb = SyntheticChildren.SurnameTails[suburbIndex % SyntheticChildren.SurnameTails.Length] + SyntheticChildren.SurnameHeads[suburbIndex / SyntheticChildren.SurnameTails.Length];

        // A suburb has one or two postcodes, as in Australia; the state follows the postcode's first digit.
        var postcode = (1000 + ((suburbIndex * 7) % 8000) + rng.Next(2)).ToString(CultureInfo.InvariantCulture);
        var state = States[(postcode[0] - '1') % States.Length];
        return ((1 + (int)(Math.Pow(rng.NextDouble(), 2) * 300)).ToString(CultureInfo.InvariantCulture), street,
            rng.NextDouble() < 0.4 ? Buildings[rng.Next(Buildings.Length)] : string.Empty, suburb, postcode, state);
    }

    private static FebrlStyleRecord Original(Random rng, int i, DuplicateFileOptions o)
    {
        var (number, street, address2, suburb, postcode, state) = Address(rng);
        var dob = new DateOnly(1920, 1, 1).AddDays(rng.Next(90 * 365));
        string Maybe(string s) => rng.NextDouble() < 0.02 ? string.Empty : s;
        return new FebrlStyleRecord($"rec-{i}-org", i.ToString(CultureInfo.InvariantCulture))
        {
            GivenName = Maybe(GivenName(rng)),
            Surname = Maybe(Surname(rng)),
            StreetNumber = Maybe(number),
            Address1 = Maybe(street),
            Address2 = address2,
            Suburb = Maybe(suburb),
            Postcode = Maybe(postcode),
            State = state,
            DateOfBirth = Maybe(dob.ToString("yyyyMMdd", CultureInfo.InvariantCulture)),
            Identifier = o.Identifier ? (1_000_000 + ((long)i * 7_919 % 9_000_000)).ToString(CultureInfo.InvariantCulture) : string.Empty,
        };
    }

    private enum Field
    {
        Given,
        Surname,
        Number,
        Address1,
        Address2,
        Suburb,
        Postcode,
        Dob,
        Identifier,
    }

    // How often each field is the one corrupted (FEBRL's generator draws fields with such weights).
    private static readonly (Field Field, double Weight)[] FieldWeights =
        [(Field.Given, 0.2), (Field.Surname, 0.2), (Field.Number, 0.05), (Field.Address1, 0.1), (Field.Address2, 0.05),
         (Field.Suburb, 0.1), (Field.Postcode, 0.1), (Field.Dob, 0.1), (Field.Identifier, 0.1)];

    /// <summary>A corrupted copy of an original: 1 to K fields, each modified 1 to M times, and sometimes a new address.</summary>
    private static FebrlStyleRecord Duplicate(Random rng, FebrlStyleRecord org, string id, DuplicateFileOptions o)
    {
        var r = org with { Id = id };
        if (rng.NextDouble() < o.AddressChangeShare)
        {
            var (number, street, address2, suburb, postcode, state) = Address(rng);
            r = r with { StreetNumber = number, Address1 = street, Address2 = address2, Suburb = suburb, Postcode = postcode, State = state };
        }

        var fields = FieldWeights.Where(f => o.Identifier || f.Field != Field.Identifier).ToList();
        var k = 1 + rng.Next(Math.Max(1, o.MaxCorruptedFields));
        for (var n = 0; n < k && fields.Count > 0; n++)
        {
            var total = fields.Sum(f => f.Weight);
            var u = rng.NextDouble() * total;
            var chosen = fields.Count - 1;
            for (var i = 0; i < fields.Count; i++)
            {
                u -= fields[i].Weight;
                if (u <= 0)
                {
                    chosen = i;
                    break;
                }
            }

            var field = fields[chosen].Field;
            fields.RemoveAt(chosen);
            var times = 1 + rng.Next(Math.Max(1, o.MaxModificationsPerField));
            for (var t = 0; t < times; t++)
            {
                r = Modify(rng, r, field);
            }
        }

        return r;
    }

    private static FebrlStyleRecord Modify(Random rng, FebrlStyleRecord r, Field field)
    {
        var digits = field is Field.Number or Field.Postcode or Field.Dob or Field.Identifier;
        var value = field switch
        {
            Field.Given => r.GivenName,
            Field.Surname => r.Surname,
            Field.Number => r.StreetNumber,
            Field.Address1 => r.Address1,
            Field.Address2 => r.Address2,
            Field.Suburb => r.Suburb,
            Field.Postcode => r.Postcode,
            Field.Dob => r.DateOfBirth,
            _ => r.Identifier,
        };

        var roll = rng.NextDouble();
        if (roll < 0.1)
        {
            value = string.Empty; // missing
        }
        else if (roll < 0.15 && field is Field.Given or Field.Surname)
        {
            return r with { GivenName = r.Surname, Surname = r.GivenName }; // names in each other's field
        }
        else if (roll < 0.25)
        {
            // A value replaced by another plausible one (a different name or street; a new number).
            var fresh = Original(rng, rng.Next(1_000_000), new DuplicateFileOptions { Identifier = true });
            value = field switch
            {
                Field.Given => rng.NextDouble() < 0.5 && GivenNameVariants.VariantsOf(value) is { Count: > 0 } v ? v[rng.Next(v.Count)] : fresh.GivenName,
                Field.Surname => fresh.Surname,
                Field.Number => fresh.StreetNumber,
                Field.Address1 => fresh.Address1,
                Field.Address2 => Buildings[rng.Next(Buildings.Length)],
                Field.Suburb => fresh.Suburb,
                Field.Postcode => fresh.Postcode,
                Field.Dob => fresh.DateOfBirth,
                _ => fresh.Identifier,
            };
        }
        else if (roll < 0.35 && !digits)
        {
            value = Ocr(rng, value);
        }
        else if (roll < 0.45 && !digits)
        {
            value = Phonetic(rng, value);
        }
        else if (roll < 0.5 && value.Contains(' ', StringComparison.Ordinal))
        {
            var words = value.Split(' ');
            value = string.Join(' ', words.Reverse());
        }
        else
        {
            value = Typo(rng, value, digits);
        }

        return field switch
        {
            Field.Given => r with { GivenName = value },
            Field.Surname => r with { Surname = value },
            Field.Number => r with { StreetNumber = value },
            Field.Address1 => r with { Address1 = value },
            Field.Address2 => r with { Address2 = value },
            Field.Suburb => r with { Suburb = value },
            Field.Postcode => r with { Postcode = value },
            Field.Dob => r with { DateOfBirth = value },
            _ => r with { Identifier = value },
        };
    }

    /// <summary>One keyboard slip: a character inserted, deleted, replaced, or two neighbours transposed.</summary>
    internal static string Typo(Random rng, string s, bool digits = false)
    {
        if (s.Length < 2)
        {
            return s;
        }

        var sb = new StringBuilder(s);
        var i = rng.Next(s.Length - 1);
        var c = digits ? (char)('0' + rng.Next(10)) : (char)('a' + rng.Next(26));
        switch (rng.Next(digits ? 2 : 4))
        {
            case 0:
                (sb[i], sb[i + 1]) = (sb[i + 1], sb[i]);
                break;
            case 1:
                sb[i] = c;
                break;
            case 2:
                sb.Remove(i, 1);
                break;
            default:
                sb.Insert(i, c);
                break;
        }

        return sb.ToString();
    }

    private static readonly (string From, string To)[] OcrErrors =
        [("m", "rn"), ("rn", "m"), ("l", "1"), ("i", "l"), ("o", "0"), ("s", "5"), ("b", "6"), ("g", "9"), ("e", "c"), ("h", "b"), ("u", "v"), ("d", "cl"), ("n", "ri"), ("a", "o")];

    private static readonly (string From, string To)[] PhoneticErrors =
        [("ph", "f"), ("f", "ph"), ("ck", "k"), ("c", "k"), ("k", "c"), ("ee", "ea"), ("ea", "ee"), ("ie", "y"), ("y", "ie"), ("ou", "ow"), ("z", "s"), ("s", "z"), ("gh", string.Empty), ("kn", "n"), ("wr", "r"), ("ll", "l"), ("tt", "t"), ("th", "t"), ("v", "w"), ("ai", "ay")];

    private static string Ocr(Random rng, string s) => Replace(rng, s, OcrErrors);

    private static string Phonetic(Random rng, string s) => Replace(rng, s, PhoneticErrors);

    private static string Replace(Random rng, string s, (string From, string To)[] table)
    {
        var options = table.Where(t => s.Contains(t.From, StringComparison.Ordinal)).ToArray();
        if (options.Length == 0)
        {
            return Typo(rng, s);
        }

        var (from, to) = options[rng.Next(options.Length)];
        var at = s.IndexOf(from, StringComparison.Ordinal);
        return string.Concat(s.AsSpan(0, at), to, s.AsSpan(at + from.Length));
    }
}
