namespace OpenMash.Matching;

/// <summary>A record normalised once, so that comparing a pair costs no parsing.</summary>
internal sealed class PreparedRecord
{
    public string Id = string.Empty;
    public int Source;
    public string Given = string.Empty;
    public string[] GivenAll = [];
    public string GivenPhon1 = string.Empty;
    public string GivenPhon2 = string.Empty;
    public string Family = string.Empty;
    public string[] FamilyParts = [];
    public string FamilyPhon1 = string.Empty;
    public string FamilyPhon2 = string.Empty;
    public int Dob;
    public int DobDayNumber = -1;
    public string Nhs = string.Empty;
    public string Postcode = string.Empty;
    public string Town = string.Empty;
    public string Line = string.Empty;
    public string Email = string.Empty;
    public string BirthPlace = string.Empty;
    public string Occupation = string.Empty;
    public Sex Sex;

    /// <summary>Share of records with the same given (family) name; set by whoever owns the frequencies.</summary>
    public float GivenTf;
    public float FamilyTf;

    public int Year => Dob / 10000;

    public static PreparedRecord From(MatchRecord r, StringPool? pool = null)
    {
        var p = new PreparedRecord { Id = r.Id, Source = r.Source, Sex = r.Sex };
        var given = Tokens(r.GivenNames);
        var family = Tokens(r.FamilyName);

        // "Smith, John" typed into one field, or a family name left empty with both names in the given field.
        if (family.Length == 0 && r.GivenNames is { } gn && gn.Contains(',', StringComparison.Ordinal))
        {
            var parts = gn.Split(',', 2);
            family = Tokens(parts[0]);
            given = Tokens(parts[1]);
        }

        // Titles and suffixes typed into the name fields ("Dr", "Jr") are not names.
        given = PersonName.Clean([.. given]);
        if (given.Length == 1 && PersonName.IsTitle(given[0]))
        {
            given = [];
        }

        family = family.Length > 1 ? PersonName.Clean([.. family]) : family;
        var other = r.OtherNames.SelectMany(Tokens).ToList();
        var full = PersonName.Words(r.FullName);
        if (full.Length > 0)
        {
            // A whole name fills what the fields lack; its remaining words are further given names.
            if (given.Length == 0)
            {
                given = full.Length > 1 ? full[..^1] : full;
            }
            else if (given[0] != full[0])
            {
                other.Add(full[0]);
            }

            if (family.Length == 0 && full.Length > 1)
            {
                family = [full[^1]];
            }
            else if (full.Length > 1 && string.Concat(family) != full[^1])
            {
                other.Add(full[^1]);
            }

            for (var i = 1; i < full.Length - 1; i++)
            {
                other.Add(full[i]);
            }
        }

        other = [.. other.Where(t => t.Length > 0 && !PersonName.IsTitle(t))];
        if (given.Length > 0)
        {
            p.Given = Intern(pool, given[0]);
            (p.GivenPhon1, p.GivenPhon2) = Phon(pool, p.Given);
        }

        if (given.Length > 1 || other.Count > 0)
        {
            p.GivenAll = [.. given.Concat(other).Distinct(StringComparer.Ordinal).Select(t => Intern(pool, t))];
        }

        if (family.Length > 0)
        {
            p.Family = Intern(pool, string.Concat(family));
            (p.FamilyPhon1, p.FamilyPhon2) = Phon(pool, p.Family);
        }

        if (family.Length > 1 || other.Count > 0)
        {
            p.FamilyParts = [.. family.Concat(other).Where(t => t.Length > 1).Distinct(StringComparer.Ordinal).Select(t => Intern(pool, t))];
        }

        var d = r.DateOfBirth;
        if (!d.IsEmpty && d.Year is >= 1000 and <= 9999 && d.Month is >= 0 and <= 99 && d.Day is >= 0 and <= 99)
        {
            p.Dob = (d.Year * 10000) + (d.Month * 100) + d.Day;
            if (d.Month is >= 1 and <= 12 && d.Day >= 1 && d.Day <= DateTime.DaysInMonth(d.Year, d.Month))
            {
                p.DobDayNumber = new DateOnly(d.Year, d.Month, d.Day).DayNumber;
            }
        }

        p.Nhs = NhsNumber.Digits(r.NhsNumber);
        p.Postcode = Intern(pool, Text.Normalise(r.Postcode).Replace(" ", string.Empty, StringComparison.Ordinal));
        p.Town = Intern(pool, Text.Normalise(r.Town));
        p.Line = Text.Normalise(r.AddressLine);
        p.Email = r.Email?.Trim().ToLowerInvariant() ?? string.Empty;
        p.BirthPlace = Intern(pool, Text.Normalise(r.BirthPlace));
        p.Occupation = Intern(pool, Text.Normalise(r.Occupation));
        return p;
    }

    private static string[] Tokens(string? s)
    {
        var n = Text.Normalise(s);
        return n.Length == 0 ? [] : n.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    private static (string, string) Phon(StringPool? pool, string s)
    {
        var (a, b) = Phonetic.DoubleMetaphone(s);
        return (Intern(pool, a), Intern(pool, b));
    }

    private static string Intern(StringPool? pool, string s) => pool is null ? s : pool.Get(s);
}

/// <summary>Shares one instance of each repeated string (names, postcodes), which matters at millions of records.</summary>
internal sealed class StringPool
{
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public string Get(string s)
    {
        if (s.Length == 0)
        {
            return string.Empty;
        }

        lock (_lock)
        {
            if (_strings.TryGetValue(s, out var existing))
            {
                return existing;
            }

            _strings[s] = s;
            return s;
        }
    }
}
