using System.Globalization;

namespace OpenMash.Matching.Synthetic;

/// <summary>A fictional child and the household they live in; the truth behind generated records.</summary>
public sealed record SyntheticPerson(long PersonId, MatchRecord Record);

/// <summary>Generates realistic but obviously fictional records about children in England: given names by birth year,
/// common and invented surnames, hyphenated names, siblings and twins sharing an address, NHS numbers with valid check
/// digits, and fictional "Q" postcodes (no real UK postcode area starts with Q). Every person is a pure function of
/// (seed, person id), so ten million can be streamed without being held in memory.</summary>
public sealed class SyntheticChildren(int seed = 1)
{
    internal static readonly string[] BoysEarly = ["jack", "oliver", "thomas", "harry", "joshua", "alfie", "charlie", "daniel", "james", "william", "samuel", "george", "joseph", "lewis", "ethan", "mohammed", "dylan", "benjamin", "alexander", "jacob", "ryan", "liam", "jake", "matthew", "callum", "luke", "adam", "kieran", "nathan", "connor", "tyler", "max", "owen", "reece", "cameron", "aaron", "kyle", "bradley", "jamie", "leo"];
    internal static readonly string[] BoysLate = ["oliver", "noah", "george", "arthur", "muhammad", "leo", "harry", "oscar", "archie", "henry", "theodore", "freddie", "jack", "charlie", "theo", "alfie", "jacob", "thomas", "finley", "arlo", "william", "lucas", "roman", "tommy", "isaac", "teddy", "edward", "adam", "luca", "louis", "reuben", "hugo", "albie", "elijah", "jude", "ronnie", "rory", "ezra", "sebastian", "harrison"];
    internal static readonly string[] GirlsEarly = ["olivia", "ruby", "emily", "grace", "jessica", "chloe", "sophie", "lily", "amelia", "evie", "ella", "katie", "charlotte", "lucy", "megan", "ellie", "isabelle", "isabella", "hannah", "mia", "holly", "abigail", "emma", "molly", "lauren", "amy", "erin", "caitlin", "bethany", "georgia", "rebecca", "leah", "jasmine", "eleanor", "madison", "zara", "paige", "niamh", "keira", "elizabeth"];
    internal static readonly string[] GirlsLate = ["olivia", "amelia", "isla", "ava", "lily", "freya", "ivy", "florence", "willow", "isabella", "mia", "sophia", "evie", "elsie", "grace", "rosie", "poppy", "sienna", "ella", "harper", "daisy", "matilda", "emily", "aria", "phoebe", "margot", "maya", "violet", "esme", "penelope", "ada", "hallie", "mila", "ruby", "eliza", "charlotte", "luna", "bonnie", "iris", "nancy"];
    internal static readonly string[] CommonSurnames = ["smith", "jones", "williams", "taylor", "brown", "davies", "evans", "wilson", "thomas", "johnson", "roberts", "robinson", "thompson", "wright", "walker", "white", "edwards", "hughes", "green", "hall", "lewis", "harris", "clarke", "patel", "jackson", "wood", "turner", "martin", "cooper", "hill", "ward", "morris", "moore", "clark", "lee", "king", "baker", "harrison", "morgan", "allen", "james", "scott", "phillips", "watson", "davis", "parker", "price", "bennett", "young", "griffiths", "mitchell", "kelly", "cook", "carter", "richardson", "bailey", "collins", "bell", "shaw", "murphy", "miller", "cox", "richards", "khan", "marshall", "anderson", "simpson", "ellis", "adams", "singh", "begum", "wilkinson", "foster", "chapman", "powell", "webb", "rogers", "gray", "mason", "ali", "hunt", "hussain", "campbell", "matthews", "owen", "palmer", "holmes", "mills", "barnes", "knight", "lloyd", "butler", "russell", "barker", "fisher", "stevens", "jenkins", "murray", "dixon", "harvey", "o'brien", "mcdonald", "ahmed", "kowalski", "nowak", "okafor", "mensah", "da silva", "nguyen", "chen", "oconnor", "fitzgerald", "sharma", "rahman", "hassan", "ibrahim", "novak", "popescu"];
    internal static readonly string[] SurnameHeads = ["ash", "birch", "brook", "clay", "crane", "dun", "elm", "fair", "fern", "gold", "grim", "hal", "haw", "holl", "kings", "lang", "lark", "mar", "mill", "north", "oak", "pen", "quill", "rad", "ross", "rush", "shel", "stan", "thorn", "tim", "wal", "whit", "wind", "yar", "bram", "cald", "dray", "ever", "fen", "garth"];
    internal static readonly string[] SurnameTails = ["by", "croft", "den", "field", "ford", "gate", "ham", "hurst", "ley", "more", "ridge", "ton", "well", "wick", "worth", "wood", "bury", "cott", "dale", "holme", "lake", "mere", "shaw", "stead", "thwaite", "combe", "low", "sley", "ington", "brook"];
    internal static readonly string[] Streets = ["acacia", "badger", "beacon", "bluebell", "bramble", "chestnut", "clover", "copper", "daffodil", "dove", "falcon", "foxglove", "hazel", "heron", "juniper", "kestrel", "lantern", "larch", "lavender", "maple", "meadow", "mulberry", "nightingale", "orchard", "otter", "pebble", "pippin", "primrose", "quarry", "rowan", "saffron", "sparrow", "sycamore", "teasel", "thistle", "willow", "wren", "yew", "harbour", "lilac"];
    internal static readonly string[] StreetKinds = ["road", "street", "close", "avenue", "lane", "way", "gardens", "crescent", "drive", "grove"];
    internal static readonly string[] Towns = ["Ambridge", "Borchester", "Casterbridge", "Dunchester", "Eastwick", "Fallowmere", "Greymouth", "Hollinsworth", "Ironbridge Vale", "Kingsmarsh", "Lowmoor", "Midsomer Norton Vale", "Netherfield", "Oakhampton Cross", "Pemberley", "Queensferry Moss", "Riverby", "Southwold Green", "Thornbury Heath", "Upwick", "Walford", "Westerby", "Yarrowby", "Zennor Cross"];

    private readonly int _seed = seed;

    /// <summary>The clean record of person <paramref name="id"/> (ids from 0). Two consecutive ids form a household
    /// (siblings: same surname and address) in about half of cases; some are twins.</summary>
    public SyntheticPerson Person(long id)
    {
        var household = id >> 1;
        var h = new Rng(_seed, household, 1);
        var rng = new Rng(_seed, id, 2);
        var shared = h.Chance(0.5);
        var hh = shared ? h : new Rng(_seed, id, 3);
        var family = Surname(ref hh);
        var number = 1 + hh.Next(180);
        var street = $"{Streets[hh.Next(Streets.Length)]} {StreetKinds[hh.Next(StreetKinds.Length)]}";
        var town = Towns[hh.Next(Towns.Length)];
        var postcode = string.Create(CultureInfo.InvariantCulture, $"Q{(char)('A' + hh.Next(26))}{1 + hh.Next(40)} {hh.Next(10)}{(char)('A' + hh.Next(26))}{(char)('A' + hh.Next(26))}");
        var baseDob = new DateOnly(2007, 1, 1).AddDays(hh.Next(19 * 365));
        var twins = shared && hh.Chance(0.05);
        var dob = twins ? baseDob : new DateOnly(2007, 1, 1).AddDays(rng.Next(19 * 365));
        var sex = rng.Chance(0.5) ? Sex.Male : Sex.Female;
        var given = GivenName(ref rng, sex, dob.Year);

        // Parents do not give two of their children (least of all twins) the same first name.
        var siblingFirst = shared && (id & 1) == 1 ? Person(id - 1).Record.GivenNames!.Split(' ')[0].ToLowerInvariant() : null;
        for (var tries = 0; given == siblingFirst && tries < 10; tries++)
        {
            given = GivenName(ref rng, sex, dob.Year);
        }

        if (rng.Chance(0.35))
        {
            var second = GivenName(ref rng, sex, dob.Year);
            if (second != given)
            {
                given = $"{given} {second}";
            }
        }

        var record = new MatchRecord($"P{id}")
        {
            GivenNames = Title(given),
            FamilyName = Title(family),
            DateOfBirth = PartialDate.FromDate(dob),
            Sex = sex,
            NhsNumber = NhsNumberFor(id),
            Postcode = postcode,
            AddressLine = $"{number} {Title(street)}",
            Town = town,
        };
        return new SyntheticPerson(id, record);
    }

    /// <summary>A record about the same person as another agency might send it: nicknames, typos, day/month swaps,
    /// digit transpositions, missing NHS numbers, moves and surname changes.</summary>
    public MatchRecord Corrupt(MatchRecord r, string newId, long salt)
    {
        var rng = new Rng(_seed, salt, 7);
        var given = r.GivenNames ?? string.Empty;
        var family = r.FamilyName ?? string.Empty;
        var other = new List<string>();
        var first = given.Split(' ')[0].ToLowerInvariant();
        if (rng.Chance(0.12) && GivenNameVariants.GroupsOf(first).Count > 0)
        {
            var variants = GivenNameVariants.VariantsOf(first);
            given = Title(variants[rng.Next(variants.Count)]);
        }
        else if (rng.Chance(0.3) && given.Contains(' ', StringComparison.Ordinal))
        {
            given = given.Split(' ')[0];
        }

        if (rng.Chance(0.1))
        {
            given = Typo(ref rng, given);
        }

        if (rng.Chance(0.06))
        {
            // Surname change (adoption, a parent's new partner): sometimes recorded with the old name kept.
            var old = family;
            var hh = new Rng(_seed, salt, 9);
            var newName = Title(Surname(ref hh));
            family = rng.Chance(0.4) ? $"{newName}-{old}" : newName;
            if (rng.Chance(0.5))
            {
                other.Add(old);
            }
        }
        else if (family.Contains('-', StringComparison.Ordinal) && rng.Chance(0.25))
        {
            var parts = family.Split('-');
            family = rng.Chance(0.5) ? $"{parts[1]}-{parts[0]}" : parts[rng.Next(2)];
        }
        else if (rng.Chance(0.1))
        {
            family = Typo(ref rng, family);
        }

        if (rng.Chance(0.02))
        {
            (given, family) = (family, given);
        }

        var dob = r.DateOfBirth;
        var roll = rng.NextDouble();
        if (roll < 0.06 && dob.Day <= 12 && dob.Day != dob.Month)
        {
            dob = dob with { Day = dob.Month, Month = dob.Day };
        }
        else if (roll < 0.10)
        {
            var digits = dob.Year.ToString("0000", CultureInfo.InvariantCulture) + dob.Month.ToString("00", CultureInfo.InvariantCulture) + dob.Day.ToString("00", CultureInfo.InvariantCulture);
            var s = Typo(ref rng, digits, digitsOnly: true);
            dob = PartialDate.Parse(s.Length == 8 ? s : digits);
        }
        else if (roll < 0.12)
        {
            dob = PartialDate.FromDate(new DateOnly(dob.Year, dob.Month, dob.Day).AddDays(rng.Next(-20, 21)));
        }

        var nhs = r.NhsNumber;
        if (rng.Chance(0.35))
        {
            nhs = null;
        }
        else if (nhs is not null && rng.Chance(0.03))
        {
            nhs = Typo(ref rng, nhs, digitsOnly: true);
        }

        string? postcode = r.Postcode, line = r.AddressLine, town = r.Town;
        if (rng.Chance(0.15))
        {
            var moved = Person(salt + 1_000_000_007L).Record;
            (postcode, line, town) = (moved.Postcode, moved.AddressLine, moved.Town);
        }
        else
        {
            if (rng.Chance(0.05))
            {
                line = Typo(ref rng, line ?? string.Empty);
            }

            if (rng.Chance(0.1))
            {
                postcode = null;
            }
        }

        return new MatchRecord(newId)
        {
            GivenNames = rng.Chance(0.5) ? given.ToUpperInvariant() : given,
            FamilyName = family,
            OtherNames = other,
            DateOfBirth = dob,
            Sex = rng.Chance(0.05) ? Sex.Unknown : r.Sex,
            NhsNumber = nhs,
            Postcode = postcode,
            AddressLine = line,
            Town = town,
        };
    }

    /// <summary>A valid, fictional NHS number (check digit correct), unique per person id below 90 million.</summary>
    public static string NhsNumberFor(long id)
    {
        // A bijective scramble of the id gives eight unique leading digits; the ninth is then picked so that the
        // check digit exists (at most one of the ten choices gives the invalid check value 10).
        var stem8 = (((ulong)id * 2_654_435_761UL) % 90_000_000UL) + 10_000_000UL;
        var ninth = (int)(id % 10);
        while (true)
        {
            var stem = stem8.ToString(CultureInfo.InvariantCulture) + ninth.ToString(CultureInfo.InvariantCulture);
            var check = NhsNumber.CheckDigit(stem);
            if (check >= 0)
            {
                return stem + check.ToString(CultureInfo.InvariantCulture);
            }

            ninth = (ninth + 1) % 10;
        }
    }

    private static string GivenName(ref Rng rng, Sex sex, int year)
    {
        var list = sex == Sex.Male ? (year < 2014 ? BoysEarly : BoysLate) : (year < 2014 ? GirlsEarly : GirlsLate);
        return list[rng.Zipf(list.Length)];
    }

    private static string Surname(ref Rng rng)
    {
        string One(ref Rng r) => r.Chance(0.45)
            ? CommonSurnames[r.Zipf(CommonSurnames.Length)]
            : SurnameHeads[r.Next(SurnameHeads.Length)] + SurnameTails[r.Next(SurnameTails.Length)];
        var name = One(ref rng);
        return rng.Chance(0.06) ? $"{name}-{One(ref rng)}" : name;
    }

    private static string Typo(ref Rng rng, string s, bool digitsOnly = false)
    {
        if (s.Length < 2)
        {
            return s;
        }

        var chars = s.ToCharArray().ToList();
        var i = rng.Next(chars.Count - 1);
        switch (rng.Next(4))
        {
            case 0:
                (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
                break;
            case 1:
                chars[i] = digitsOnly ? (char)('0' + rng.Next(10)) : (char)('a' + rng.Next(26));
                break;
            case 2 when !digitsOnly:
                chars.RemoveAt(i);
                break;
            default:
                if (!digitsOnly)
                {
                    chars.Insert(i, chars[i]);
                }
                else
                {
                    (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
                }

                break;
        }

        return new string([.. chars]);
    }

    private static string Title(string s) =>
        string.Join(' ', s.Split(' ').Select(w => string.Join('-', w.Split('-').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]))));

    /// <summary>SplitMix64: cheap, seedable per person, so that any person can be regenerated on demand.</summary>
    private struct Rng(int seed, long id, int stream)
    {
        private ulong _state = ((ulong)seed * 0x9E3779B97F4A7C15UL) ^ ((ulong)id * 0xBF58476D1CE4E5B9UL) ^ ((ulong)stream * 0x94D049BB133111EBUL);

        private ulong NextU()
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        public double NextDouble() => (NextU() >> 11) * (1.0 / (1UL << 53));

        public int Next(int n) => (int)(NextDouble() * n);

        public int Next(int lo, int hi) => lo + Next(hi - lo);

        public bool Chance(double p) => NextDouble() < p;

        /// <summary>Rank drawn with weight 1/sqrt(rank): popular names are common, none dominates.</summary>
        public int Zipf(int n)
        {
            var u = NextDouble();
            var r = (int)(u * u * n);
            return Math.Min(n - 1, r);
        }
    }
}
