namespace OpenMash.Matching;

/// <summary>The comparisons, each with its agreement levels in the order they are tested. A level index of
/// <see cref="Null"/> means a value is missing on one side: no evidence either way.</summary>
public static class Comparisons
{
    public const byte Null = 15;

    public const int GivenName = 0;
    public const int FamilyName = 1;
    public const int DateOfBirth = 2;
    public const int NhsNumber = 3;
    public const int Address = 4;
    public const int Sex = 5;
    public const int Email = 6;
    public const int BirthPlace = 7;
    public const int Occupation = 8;
    public const int Count = 9;

    public static IReadOnlyList<string> FieldNames { get; } = ["GivenName", "FamilyName", "DateOfBirth", "NhsNumber", "Address", "Sex", "Email", "BirthPlace", "Occupation"];

    public static IReadOnlyList<IReadOnlyList<string>> LevelNames { get; } =
    [
        ["Exact", "Nickname", "SwappedWithFamilyName", "OneNameInOtherField", "JaroWinkler>=0.92", "OneEdit", "Phonetic", "TwoEdits", "JaroWinkler>=0.80", "OtherGivenNameOrInitial", "Different"],
        ["Exact", "SharedPartOrPreviousName", "JaroWinkler>=0.92", "OneEdit", "Phonetic", "TwoEdits", "JaroWinkler>=0.80", "Different"],
        ["Exact", "DayMonthSwapped", "OneEdit", "WithinMonth", "TwoDigits", "SameYear", "Different"],
        ["Exact", "OneEdit", "TwoDigits", "Different"],
        ["LineAndPostcode", "LineAndTown", "Line", "PostcodeAndTown", "Postcode", "PartOfLineAndTown", "PartOfLine", "NearPostcodeAndTown", "Town", "NearPostcode", "Different"],
        ["Same", "Different"],
        ["Exact", "OneEdit", "SameLocalPart", "Different"],
        ["Exact", "JaroWinkler>=0.92", "Different"],
        ["Exact", "Different"],
    ];

    /// <summary>The address levels up to and including this one say the address agrees (line, or postcode).</summary>
    public const byte AddressPostcode = 4;

    public static class Given
    {
        public const byte Exact = 0, Nickname = 1, Swapped = 2, CrossOne = 3, Jw92 = 4, OneEdit = 5, Phonetic = 6, TwoEdits = 7, Jw80 = 8, Other = 9, Else = 10;
    }

    public static class Family
    {
        public const byte Exact = 0, Part = 1, Jw92 = 2, OneEdit = 3, Phonetic = 4, TwoEdits = 5, Jw80 = 6, Else = 7;
    }

    public static class Dob
    {
        public const byte Exact = 0, Swapped = 1, OneEdit = 2, WithinMonth = 3, TwoDigits = 4, SameYear = 5, Else = 6;
    }

    /// <summary>The agreement level of every comparison for two records (index by the comparison constants; values
    /// index <see cref="LevelNames"/>, or are <see cref="Null"/> when a side is missing).</summary>
    public static byte[] Compare(MatchRecord a, MatchRecord b)
    {
        var levels = new byte[Count];
        Compare(PreparedRecord.From(a), PreparedRecord.From(b), levels);
        return levels;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static void Compare(PreparedRecord a, PreparedRecord b, Span<byte> levels)
    {
        var family = FamilyLevel(a, b);
        var given = GivenLevel(a, b);
        if (given >= Given.Jw80 && family >= Family.Jw92)
        {
            // Names in the wrong fields: both swapped, or one name typed into the other field (the other name
            // missing, replaced or mistyped). The level's weight is the evidence of both names; counting the family
            // name again would double it.
            var swap = SwapLevel(a, b);
            if (swap != Null)
            {
                given = swap;
                family = Null;
            }
        }

        levels[GivenName] = given;
        levels[FamilyName] = family;
        levels[DateOfBirth] = DobLevel(a, b);
        levels[NhsNumber] = NhsLevel(a.Nhs, b.Nhs);
        levels[Address] = AddressLevel(a, b);
        levels[Email] = EmailLevel(a.Email, b.Email);
        levels[BirthPlace] = a.BirthPlace.Length == 0 || b.BirthPlace.Length == 0 ? Null
            : a.BirthPlace == b.BirthPlace ? (byte)0 : Text.JaroWinkler(a.BirthPlace, b.BirthPlace) >= 0.92 ? (byte)1 : (byte)2;
        levels[Occupation] = a.Occupation.Length == 0 || b.Occupation.Length == 0 ? Null : a.Occupation == b.Occupation ? (byte)0 : (byte)1;
        levels[Sex] = a.Sex == Matching.Sex.Unknown || b.Sex == Matching.Sex.Unknown ? Null : a.Sex == b.Sex ? (byte)0 : (byte)1;
    }

    /// <summary><see cref="Given.Swapped"/> when each name agrees with the other record's other name (one exactly
    /// or closely, the other at least loosely), <see cref="Given.CrossOne"/> when only one name agrees with the other
    /// record's other field, else <see cref="Null"/>. Callers check first that the names do not agree field by field.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static byte SwapLevel(PreparedRecord a, PreparedRecord b)
    {
        // Either level needs one cross pair close, and close names share their first letter: most pairs stop here.
        if (!FirstLettersEqual(a.Given, b.Family) && !FirstLettersEqual(a.Family, b.Given))
        {
            return Null;
        }

        var x = CrossAgreement(a.Given, b.Family);
        var y = CrossAgreement(a.Family, b.Given);
        if (x + y >= 3)
        {
            return Given.Swapped;
        }

        return x == 2 || y == 2 ? Given.CrossOne : Null;
    }

    private static bool FirstLettersEqual(string a, string b) => a.Length > 1 && b.Length > 1 && a[0] == b[0];

    /// <summary>2 when the names are equal or close (Jaro-Winkler at least 0.92, same first letter), 1 when loosely
    /// alike (0.80, or one a prefix of the other), 0 otherwise or when either is missing or a single letter.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static int CrossAgreement(string a, string b)
    {
        if (a.Length < 2 || b.Length < 2)
        {
            return 0;
        }

        if (a == b)
        {
            return 2;
        }

        var jw = Text.JaroWinkler(a, b);
        if (jw >= 0.92 && a[0] == b[0])
        {
            return 2;
        }

        return jw >= 0.80 || a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal) ? 1 : 0;
    }

    private static bool PhoneticEqual(string a1, string a2, string b1, string b2) =>
        a1.Length > 1 && b1.Length > 1 && (a1 == b1 || a1 == b2 || a2 == b1 || a2 == b2);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static byte GivenLevel(PreparedRecord a, PreparedRecord b)
    {
        if (a.Given.Length == 0 || b.Given.Length == 0)
        {
            return Null;
        }

        if (a.Given == b.Given)
        {
            return Given.Exact;
        }

        if (GivenNameVariants.AreVariants(a.Given, b.Given))
        {
            return Given.Nickname;
        }

        var jw = Text.JaroWinkler(a.Given, b.Given);
        if (jw >= 0.92 && a.Given.Length > 1 && b.Given.Length > 1)
        {
            return Given.Jw92;
        }

        if (a.Given.Length > 2 && b.Given.Length > 2 && Text.WithinOneEdit(a.Given, b.Given))
        {
            return Given.OneEdit;
        }

        if (PhoneticEqual(a.GivenPhon1, a.GivenPhon2, b.GivenPhon1, b.GivenPhon2) && a.Given.Length > 1 && b.Given.Length > 1)
        {
            return Given.Phonetic;
        }

        if (a.Given.Length >= 5 && b.Given.Length >= 5 && Text.WithinTwoEdits(a.Given, b.Given))
        {
            return Given.TwoEdits;
        }

        if (jw >= 0.80 && a.Given.Length > 1 && b.Given.Length > 1)
        {
            return Given.Jw80;
        }

        if ((a.Given.Length == 1 || b.Given.Length == 1) && a.Given[0] == b.Given[0])
        {
            return Given.Other;
        }

        if (a.GivenAll.Length > 0 || b.GivenAll.Length > 0)
        {
            var aa = a.GivenAll.Length > 0 ? a.GivenAll : [a.Given];
            var bb = b.GivenAll.Length > 0 ? b.GivenAll : [b.Given];
            foreach (var x in aa)
            {
                foreach (var y in bb)
                {
                    if (x.Length > 1 && (x == y || GivenNameVariants.AreVariants(x, y)))
                    {
                        return Given.Other;
                    }
                }
            }
        }

        return Given.Else;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static byte FamilyLevel(PreparedRecord a, PreparedRecord b)
    {
        if (a.Family.Length == 0 || b.Family.Length == 0)
        {
            return Null;
        }

        if (a.Family == b.Family)
        {
            return Family.Exact;
        }

        if (a.FamilyParts.Length > 0 || b.FamilyParts.Length > 0)
        {
            var aa = a.FamilyParts.Length > 0 ? a.FamilyParts : [a.Family];
            var bb = b.FamilyParts.Length > 0 ? b.FamilyParts : [b.Family];
            foreach (var x in aa)
            {
                if (Array.IndexOf(bb, x) >= 0)
                {
                    return Family.Part;
                }
            }
        }

        var jw = Text.JaroWinkler(a.Family, b.Family);
        if (jw >= 0.92)
        {
            return Family.Jw92;
        }

        if (a.Family.Length > 2 && b.Family.Length > 2 && Text.WithinOneEdit(a.Family, b.Family))
        {
            return Family.OneEdit;
        }

        if (PhoneticEqual(a.FamilyPhon1, a.FamilyPhon2, b.FamilyPhon1, b.FamilyPhon2))
        {
            return Family.Phonetic;
        }

        if (a.Family.Length >= 5 && b.Family.Length >= 5 && Text.WithinTwoEdits(a.Family, b.Family))
        {
            return Family.TwoEdits;
        }

        return jw >= 0.80 ? Family.Jw80 : Family.Else;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static byte DobLevel(PreparedRecord a, PreparedRecord b)
    {
        int x = a.Dob, y = b.Dob;
        if (x == 0 || y == 0)
        {
            return Null;
        }

        if (x == y)
        {
            return Dob.Exact;
        }

        int xd = x % 100, xm = x / 100 % 100, yd = y % 100, ym = y / 100 % 100;
        if (x / 10000 == y / 10000 && (xd == 0 || xm == 0 || yd == 0 || ym == 0))
        {
            // A partial date (a day or month not known, 0) agrees only in the parts it has: "March 2015" against
            // 10 March 2015 is the same month, not a one-digit typo of the day, and against 20 April 2015 the same
            // year, not two digits apart.
            return xm != 0 && xm == ym ? Dob.WithinMonth : Dob.SameYear;
        }

        if (x / 10000 == y / 10000 && xd == ym && xm == yd && xd > 0 && xm > 0)
        {
            return Dob.Swapped;
        }

        if (OneDigitEdit(x, y))
        {
            return Dob.OneEdit;
        }

        if (a.DobDayNumber >= 0 && b.DobDayNumber >= 0 && Math.Abs(a.DobDayNumber - b.DobDayNumber) <= 31)
        {
            return Dob.WithinMonth;
        }

        if (DigitsDiffering(x, y) <= 2)
        {
            return Dob.TwoDigits;
        }

        return x / 10000 == y / 10000 ? Dob.SameYear : Dob.Else;
    }

    /// <summary>Number of positions at which two strings of the same length differ.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static int DigitsDiffering(string a, string b)
    {
        var diffs = 0;
        for (var i = 0; i < a.Length; i++)
        {
            diffs += a[i] != b[i] ? 1 : 0;
        }

        return diffs;
    }

    /// <summary>Number of the eight yyyymmdd digit positions at which two dates differ.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static int DigitsDiffering(int x, int y)
    {
        var diffs = 0;
        for (var i = 0; i < 8; i++)
        {
            diffs += x % 10 != y % 10 ? 1 : 0;
            x /= 10;
            y /= 10;
        }

        return diffs;
    }

    /// <summary>Eight-digit yyyymmdd values that differ in one digit or by swapping two adjacent digits.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static bool OneDigitEdit(int x, int y)
    {
        Span<int> dx = stackalloc int[8];
        Span<int> dy = stackalloc int[8];
        for (var i = 7; i >= 0; i--)
        {
            dx[i] = x % 10;
            dy[i] = y % 10;
            x /= 10;
            y /= 10;
        }

        var first = -1;
        var diffs = 0;
        for (var i = 0; i < 8; i++)
        {
            if (dx[i] != dy[i])
            {
                if (first < 0)
                {
                    first = i;
                }

                diffs++;
            }
        }

        return diffs == 1
            || (diffs == 2 && first < 7 && dx[first] == dy[first + 1] && dx[first + 1] == dy[first]);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static byte EmailLevel(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return Null;
        }

        if (a == b)
        {
            return 0;
        }

        if (Text.WithinOneEdit(a, b))
        {
            return 1;
        }

        var at = a.IndexOf('@', StringComparison.Ordinal);
        var bt = b.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == bt && a.AsSpan(0, at).SequenceEqual(b.AsSpan(0, bt)) ? (byte)2 : (byte)3;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static byte NhsLevel(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return Null;
        }

        if (a == b)
        {
            return 0;
        }

        if (Text.WithinOneEdit(a, b))
        {
            return a.Length == b.Length ? (byte)1 : (byte)3;
        }

        return a.Length == b.Length && DigitsDiffering(a, b) <= 2 ? (byte)2 : (byte)3;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static byte AddressLevel(PreparedRecord a, PreparedRecord b)
    {
        var haveLine = a.Line.Length > 0 && b.Line.Length > 0;
        var havePc = a.Postcode.Length > 0 && b.Postcode.Length > 0;
        var haveTown = a.Town.Length > 0 && b.Town.Length > 0;
        if (!haveLine && !havePc && !haveTown)
        {
            return Null;
        }

        var lineTokens = 0;
        var line = haveLine && (a.Line == b.Line || Text.JaroWinkler(a.Line, b.Line) >= 0.9 || (lineTokens = Text.TokenAgreement(a.Line, b.Line)) == 2);
        var pc = havePc && a.Postcode == b.Postcode;
        var town = haveTown && (a.Town == b.Town || Text.JaroWinkler(a.Town, b.Town) >= 0.92);
        if (line && pc)
        {
            return 0;
        }

        var near = havePc && NearPostcode(a.Postcode, b.Postcode);
        if (line)
        {
            return town || near ? (byte)1 : (byte)2;
        }

        if (pc && town)
        {
            return 3;
        }

        if (pc)
        {
            return 4;
        }

        if (lineTokens == 1)
        {
            return town || near ? (byte)5 : (byte)6;
        }

        if (near && town)
        {
            return 7;
        }

        if (town)
        {
            return 8;
        }

        return near ? (byte)9 : (byte)10;
    }

    /// <summary>Same UK outward code (all but the last three characters), or one edit apart for other postcode styles.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static bool NearPostcode(string a, string b)
    {
        if (a.Length >= 5 && b.Length >= 5 && char.IsAsciiLetter(a[0]) && char.IsAsciiLetter(b[0]))
        {
            return a.AsSpan(0, a.Length - 3).SequenceEqual(b.AsSpan(0, b.Length - 3));
        }

        return Text.WithinOneEdit(a, b);
    }
}
