namespace OpenMash.Matching;

/// <summary>Recorded sex: M, F or U (unknown or not stated).</summary>
public enum Sex : byte
{
    Unknown = 0,
    Male = 1,
    Female = 2,
}

/// <summary>A date whose parts may be unknown (0). Raw parts are kept even when they do not form a valid date,
/// because agencies send dates such as 31/02 and the digits are still evidence.</summary>
public readonly record struct PartialDate(int Year, int Month, int Day)
{
    public static PartialDate FromDate(DateOnly date) => new(date.Year, date.Month, date.Day);

    public bool IsEmpty => Year == 0 && Month == 0 && Day == 0;

    /// <summary>Parses yyyyMMdd, yyyy-MM-dd, dd/MM/yyyy; returns default when nothing usable is found.</summary>
    public static PartialDate Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return default;
        }

        var t = text.Trim();
        var parts = t.Split(['-', '/', '.', ' '], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 3)
        {
            _ = int.TryParse(parts[0], out var a);
            _ = int.TryParse(parts[1], out var b);
            _ = int.TryParse(parts[2], out var c);
            return parts[0].Length == 4 ? new PartialDate(a, b, c) : new PartialDate(c, b, a);
        }

        if (t.Length == 8 && t.All(char.IsAsciiDigit))
        {
            return new PartialDate(int.Parse(t.AsSpan(0, 4)), int.Parse(t.AsSpan(4, 2)), int.Parse(t.AsSpan(6, 2)));
        }

        return t.Length == 4 && int.TryParse(t, out var y) ? new PartialDate(y, 0, 0) : default;
    }

    public override string ToString() => $"{Year:0000}-{Month:00}-{Day:00}";
}

/// <summary>One record about a person, as held by the hub or sent by an agency. Every field except Id may be missing.</summary>
public sealed record MatchRecord(string Id)
{
    public string? GivenNames { get; init; }
    public string? FamilyName { get; init; }

    /// <summary>The whole name as given ("Sir John A. Smith, 2nd Baronet", "Smith, John"): titles and suffixes are
    /// dropped, its first and last words fill a missing given or family name, and its other words count as further
    /// given names (middle names, the name a person goes by).</summary>
    public string? FullName { get; init; }

    /// <summary>Other names the person is or was known by (previous surnames, known-as names, aliases).</summary>
    public IReadOnlyList<string> OtherNames { get; init; } = [];

    public PartialDate DateOfBirth { get; init; }
    public Sex Sex { get; init; }
    public string? NhsNumber { get; init; }
    public string? Postcode { get; init; }

    /// <summary>House number and street (and building name).</summary>
    public string? AddressLine { get; init; }

    /// <summary>Town or locality; compared together with postcode and address line as one piece of evidence.</summary>
    public string? Town { get; init; }

    /// <summary>An e-mail address recorded for the person (or, for a young child, usually a parent's).</summary>
    public string? Email { get; init; }

    /// <summary>Place (town) of birth; compared on its own, not as part of the address.</summary>
    public string? BirthPlace { get; init; }

    /// <summary>Occupation or role, when a source records one; compared on its own.</summary>
    public string? Occupation { get; init; }

    /// <summary>Which source (agency or file) the record came from; linking compares only records of different sources.</summary>
    public int Source { get; init; }
}
