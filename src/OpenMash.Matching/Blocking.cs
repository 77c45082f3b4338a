namespace OpenMash.Matching;

/// <summary>Candidate generation: a union of blocking rules, each pairing two fields, so that a typo in any one field
/// (or a move, or a surname change) still leaves other rules that bring the pair together.</summary>
internal static class Blocking
{
    public const int RuleCount = 14;

    /// <summary>Appends the blocking keys of a record (rule number mixed into each key) to <paramref name="keys"/>.</summary>
    /// <param name="r">The record.</param>
    /// <param name="keys">Where the keys go.</param>
    /// <param name="batch">Also the broader keys worth their pairs in a batch run but not in an online index, where a
    /// block of a whole birth date would be read on every query: the date of birth alone (for records that lack
    /// names), and birth year with the first two letters of either name.</param>
    public static void Keys(PreparedRecord r, List<ulong> keys, bool batch = false)
    {
        var start = keys.Count;
        var dobSorted = DobSwapInvariant(r.Dob);
        if (batch && dobSorted != 0)
        {
            keys.Add(Hash(16, dobSorted.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            var year = (r.Dob / 10000).ToString(System.Globalization.CultureInfo.InvariantCulture);
            Add(keys, 17, year, r.Given.Length >= 2 ? r.Given[..2] : string.Empty);
            Add(keys, 17, year, r.Family.Length >= 2 ? r.Family[..2] : string.Empty);
        }

        if (batch && r.BirthPlace.Length > 0)
        {
            // Birth place with either name's code: for records without a usable date of birth or address.
            Add(keys, 18, r.BirthPlace, r.FamilyPhon1);
            Add(keys, 18, r.BirthPlace, r.GivenPhon1);
        }

        if (batch && dobSorted != 0 && r.GivenAll.Length > 0)
        {
            // Any other given name (a middle name the person goes by, a known-as name) with the date of birth.
            var dob = dobSorted.ToString(System.Globalization.CultureInfo.InvariantCulture);
            foreach (var name in r.GivenAll)
            {
                if (name.Length > 1 && name != r.Given)
                {
                    Add(keys, 2, dob, Phonetic.DoubleMetaphone(name).Primary);
                }
            }
        }

        if (r.Nhs.Length >= 6)
        {
            keys.Add(Hash(1, r.Nhs));
        }

        if (r.Email.Length > 0)
        {
            keys.Add(Hash(14, r.Email));
        }

        // Each rule pairs one strong field with the phonetic key of either name, so that names typed the wrong way
        // round still meet, and a nickname meets its formal name.
        if (dobSorted != 0)
        {
            var dob = dobSorted.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Add(keys, 2, dob, r.FamilyPhon1);
            Add(keys, 2, dob, r.GivenPhon1);
            if (r.GivenPhon2 != r.GivenPhon1)
            {
                Add(keys, 2, dob, r.GivenPhon2);
            }

            foreach (var formal in GivenNameVariants.FormalNames(r.Given))
            {
                Add(keys, 2, dob, Phonetic.DoubleMetaphone(formal).Primary);
            }
        }

        if (r.GivenPhon1.Length > 0 && r.FamilyPhon1.Length > 0)
        {
            var (x, y) = string.CompareOrdinal(r.GivenPhon1, r.FamilyPhon1) <= 0 ? (r.GivenPhon1, r.FamilyPhon1) : (r.FamilyPhon1, r.GivenPhon1);
            keys.Add(Hash(4, x, y));
            if (r.Given.Length >= 2 && r.Family.Length >= 2)
            {
                keys.Add(Hash(5, r.Given[..2], r.Family[..2]));
                keys.Add(Hash(6, r.Given[^2..], r.Family[^2..]));
            }
        }

        if (r.Postcode.Length > 0)
        {
            Add(keys, 7, r.Postcode, r.FamilyPhon1);
            Add(keys, 7, r.Postcode, r.GivenPhon1);

            // Initials: a typo in both names still leaves their first letters, and a postcode is small.
            Add(keys, 8, r.Postcode, r.Given.Length > 0 ? r.Given[..1] : string.Empty);
            Add(keys, 8, r.Postcode, r.Family.Length > 0 ? r.Family[..1] : string.Empty);
            if (r.Dob != 0)
            {
                keys.Add(Hash(9, r.Postcode, r.Dob.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        if (r.Town.Length > 0)
        {
            Add(keys, 10, r.Town, r.FamilyPhon1);
            Add(keys, 10, r.Town, r.GivenPhon1);
            if (r.Given.Length > 0 && r.Family.Length > 0)
            {
                keys.Add(Hash(11, r.Town, string.Concat(r.Given.AsSpan(0, 1), r.Family.AsSpan(0, 1))));
            }

            // Date of birth and town: for a record whose names were both recorded differently (or typed into the
            // wrong fields) and whose postcode differs.
            if (dobSorted != 0)
            {
                keys.Add(Hash(15, r.Town, dobSorted.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        if (r.Dob != 0)
        {
            // Birth year with either name's code: for records whose date is mistyped and which share no address.
            var year = (r.Dob / 10000).ToString(System.Globalization.CultureInfo.InvariantCulture);
            Add(keys, 12, year, r.FamilyPhon1);
            Add(keys, 12, year, r.GivenPhon1);
        }

        if (r.Line.Length > 0)
        {
            // House number and street: for a child whose names and date of birth were all recorded differently.
            var number = string.Empty;
            var street = string.Empty;
            foreach (var token in r.Line.Split(' '))
            {
                if (number.Length == 0 && char.IsAsciiDigit(token[0]))
                {
                    number = token;
                }
                else if (street.Length == 0 && token.Length >= 3 && char.IsLetter(token[0]))
                {
                    street = Phonetic.DoubleMetaphone(token).Primary;
                }
            }

            if (number.Length > 0 && street.Length > 0)
            {
                keys.Add(Hash(13, number, street));
            }
        }

        // A record rarely yields the same key twice, but when it does (Bob's formal name Robert has Bob's code), drop it.
        for (var i = keys.Count - 1; i > start; i--)
        {
            for (var j = start; j < i; j++)
            {
                if (keys[j] == keys[i])
                {
                    keys.RemoveAt(i);
                    break;
                }
            }
        }
    }

    private static long DobSwapInvariant(int dob)
    {
        if (dob == 0)
        {
            return 0;
        }

        int d = dob % 100, m = dob / 100 % 100;
        return ((long)(dob / 10000) * 10000) + (Math.Min(d, m) * 100) + Math.Max(d, m);
    }

    private static void Add(List<ulong> keys, int rule, string a, string b)
    {
        if (a.Length > 0 && b.Length > 0)
        {
            keys.Add(Hash(rule, a, b));
        }
    }

    internal static ulong Hash(int rule, string a, string? b = null)
    {
        // FNV-1a, 64-bit: stable across processes, unlike string.GetHashCode.
        var h = 14695981039346656037UL ^ (ulong)rule;
        h *= 1099511628211UL;
        foreach (var c in a)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        h = (h ^ 0x1F) * 1099511628211UL;
        if (b is not null)
        {
            foreach (var c in b)
            {
                h = (h ^ c) * 1099511628211UL;
            }
        }

        return h == 0 ? 1 : h;
    }
}
