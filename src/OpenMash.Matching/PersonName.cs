namespace OpenMash.Matching;

/// <summary>Names as people give them: titles ("Sir", "Dr", "Rev"), suffixes ("Jr", "III", ", 2nd Baronet"),
/// "Surname, Given" order, initials, and a whole name in one field. Works on normalised text (see
/// <see cref="Text.Normalise"/>).</summary>
public static class PersonName
{
    private static readonly HashSet<string> Titles = new(StringComparer.Ordinal)
    {
        "mr", "mrs", "ms", "miss", "mx", "master", "dr", "doctor", "prof", "professor", "sir", "dame", "lord", "lady",
        "rev", "revd", "reverend", "fr", "father", "capt", "captain", "col", "colonel", "gen", "general", "maj", "major",
        "lt", "lieutenant", "adm", "admiral", "cmdr", "commander", "sgt", "sergeant", "hon", "honourable", "rt", "right",
        "st", "saint", "king", "queen", "prince", "princess", "duke", "duchess", "earl", "count", "countess", "baron",
        "baroness", "viscount", "viscountess", "marquess", "marquis", "bishop", "cardinal", "pope", "brother", "sister",
    };

    private static readonly HashSet<string> Suffixes = new(StringComparer.Ordinal)
    {
        "jr", "jnr", "junior", "sr", "snr", "senior", "ii", "iii", "iv", "vi", "vii", "viii", "esq", "esquire",
        "phd", "md", "qc", "kc", "mp", "obe", "mbe", "cbe", "kbe", "frs",
    };

    /// <summary>True for a title such as "sir" or "dr" (normalised).</summary>
    public static bool IsTitle(string word) => Titles.Contains(word);

    /// <summary>The words of a normalised whole name without titles and suffixes, in the order given, with a
    /// "Surname, Given" order turned round. A comma followed by a suffix or an ordinal ("smith, 2nd baronet") ends
    /// the name instead.</summary>
    public static string[] Words(string? fullName)
    {
        if (string.IsNullOrWhiteSpace(fullName))
        {
            return [];
        }

        var text = fullName;
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        string[] before, after = [];
        if (comma >= 0)
        {
            before = Split(text[..comma]);
            after = Split(text[(comma + 1)..]);
            if (after.Length > 0 && (Suffixes.Contains(after[0]) || IsOrdinal(after[0]) || Titles.Contains(after[0])))
            {
                after = []; // ", 2nd baronet", ", jr": a suffix, not a given name
            }
        }
        else
        {
            before = Split(text);
        }

        // "smith, john" is family name first.
        var words = after.Length > 0 ? [.. after, .. before] : before.ToList();
        return Clean(words);
    }

    /// <summary>Titles dropped from the front, suffixes and anything from an ordinal on ("2nd earl of x") from the
    /// end, and a trailing "of place" once at least two name words precede it.</summary>
    internal static string[] Clean(List<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (IsOrdinal(words[i]) && i > 0)
            {
                words.RemoveRange(i, words.Count - i);
                break;
            }
        }

        var of = words.IndexOf("of");
        if (of >= 2)
        {
            words.RemoveRange(of, words.Count - of);
        }

        while (words.Count > 1 && Titles.Contains(words[0]))
        {
            words.RemoveAt(0);
        }

        while (words.Count > 1 && Suffixes.Contains(words[^1]))
        {
            words.RemoveAt(words.Count - 1);
        }

        return [.. words];
    }

    private static string[] Split(string s)
    {
        var n = Text.Normalise(s);
        return n.Length == 0 ? [] : n.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    private static bool IsOrdinal(string w) =>
        w.Length >= 3 && char.IsAsciiDigit(w[0]) && (w.EndsWith("st", StringComparison.Ordinal) || w.EndsWith("nd", StringComparison.Ordinal)
            || w.EndsWith("rd", StringComparison.Ordinal) || w.EndsWith("th", StringComparison.Ordinal));
}
