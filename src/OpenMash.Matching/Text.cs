using System.Globalization;
using System.Text;

namespace OpenMash.Matching;

/// <summary>Text normalisation and string similarity used by the comparisons.</summary>
public static class Text
{
    /// <summary>Lower case, accents removed, apostrophes and dots dropped (O'Brien = OBrien), other punctuation
    /// (hyphens, commas, slashes) turned into single spaces.</summary>
    public static string Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var ch in decomposed)
        {
            var cat = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (cat == UnicodeCategory.NonSpacingMark || ch is '\'' or '’' or '`' or '.')
            {
                continue;
            }

            if (char.IsLetterOrDigit(ch))
            {
                if (pendingSpace && sb.Length > 0)
                {
                    sb.Append(' ');
                }

                pendingSpace = false;
                sb.Append(char.ToLowerInvariant(ch) switch
                {
                    'ß' => 's',
                    'æ' => 'a',
                    'ø' => 'o',
                    'ł' => 'l',
                    var c => c,
                });
            }
            else
            {
                pendingSpace = true;
            }
        }

        return sb.ToString();
    }

    /// <summary>Jaro-Winkler similarity in [0, 1] (prefix scale 0.1, up to four characters).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static double JaroWinkler(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        if (a.SequenceEqual(b))
        {
            return 1;
        }

        if (a.Length > b.Length)
        {
            var t = a;
            a = b;
            b = t;
        }

        var range = Math.Max(0, (b.Length / 2) - 1);
        Span<bool> aFlags = a.Length <= 64 ? stackalloc bool[a.Length] : new bool[a.Length];
        Span<bool> bFlags = b.Length <= 64 ? stackalloc bool[b.Length] : new bool[b.Length];
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var lo = Math.Max(0, i - range);
            var hi = Math.Min(b.Length - 1, i + range);
            for (var j = lo; j <= hi; j++)
            {
                if (!bFlags[j] && a[i] == b[j])
                {
                    aFlags[i] = true;
                    bFlags[j] = true;
                    matches++;
                    break;
                }
            }
        }

        if (matches == 0)
        {
            return 0;
        }

        var transpositions = 0;
        var k = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (!aFlags[i])
            {
                continue;
            }

            while (!bFlags[k])
            {
                k++;
            }

            if (a[i] != b[k])
            {
                transpositions++;
            }

            k++;
        }

        double m = matches;
        var jaro = ((m / a.Length) + (m / b.Length) + ((m - (transpositions / 2.0)) / m)) / 3.0;
        var prefix = 0;
        var maxPrefix = Math.Min(4, a.Length);
        while (prefix < maxPrefix && a[prefix] == b[prefix])
        {
            prefix++;
        }

        return jaro + (prefix * 0.1 * (1 - jaro));
    }

    /// <summary>True when the strings differ by at most one substitution, insertion, deletion or adjacent transposition.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static bool WithinOneEdit(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        var p = 0;
        while (p < a.Length && p < b.Length && a[p] == b[p])
        {
            p++;
        }

        if (p == a.Length && p == b.Length)
        {
            return true;
        }

        if (a.Length == b.Length)
        {
            if (a[(p + 1)..].SequenceEqual(b[(p + 1)..]))
            {
                return true;
            }

            return p + 1 < a.Length && a[p] == b[p + 1] && a[p + 1] == b[p] && a[(p + 2)..].SequenceEqual(b[(p + 2)..]);
        }

        return a.Length > b.Length ? a[(p + 1)..].SequenceEqual(b[p..]) : a[p..].SequenceEqual(b[(p + 1)..]);
    }

    /// <summary>Word-by-word agreement of two address lines (words equal, or, when both have four or more letters and
    /// the same first letter, one edit apart or alike at Jaro-Winkler 0.9): 2 when every word of the shorter line (at least two words) is found in the other, in any
    /// order; 1 when at least half of them are and one of those is a word of three or more letters, not a number;
    /// else 0.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static int TokenAgreement(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        const int MaxWords = 16;
        Span<int> aw = stackalloc int[2 * MaxWords];
        Span<int> bw = stackalloc int[2 * MaxWords];
        var na = Words(a, aw);
        var nb = Words(b, bw);
        return na <= nb ? WordsFound(a, aw, na, b, bw, nb) : WordsFound(b, bw, nb, a, aw, na);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static int WordsFound(ReadOnlySpan<char> a, ReadOnlySpan<int> aw, int na, ReadOnlySpan<char> b, ReadOnlySpan<int> bw, int nb)
    {

        var found = 0;
        var wordFound = false;
        for (var i = 0; i < na; i++)
        {
            var x = a.Slice(aw[2 * i], aw[(2 * i) + 1]);
            for (var j = 0; j < nb; j++)
            {
                var y = b.Slice(bw[2 * j], bw[(2 * j) + 1]);
                if (x[0] == y[0] && (x.SequenceEqual(y)
                    || (x.Length >= 4 && y.Length >= 4 && (WithinOneEdit(x, y) || JaroWinkler(x, y) >= 0.9))))
                {
                    found++;
                    wordFound |= x.Length >= 3 && char.IsLetter(x[0]);
                    break;
                }
            }
        }

        if (na >= 2 && found == na)
        {
            return 2;
        }

        return wordFound && found * 2 >= na ? 1 : 0;
    }

    /// <summary>Start and length of each space-separated word, as many as fit in <paramref name="words"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static int Words(ReadOnlySpan<char> s, Span<int> words)
    {
        var n = 0;
        var i = 0;
        while (i < s.Length && (2 * n) < words.Length)
        {
            while (i < s.Length && s[i] == ' ')
            {
                i++;
            }

            var start = i;
            while (i < s.Length && s[i] != ' ')
            {
                i++;
            }

            if (i > start)
            {
                words[2 * n] = start;
                words[(2 * n) + 1] = i - start;
                n++;
            }
        }

        return n;
    }

    /// <summary>True when the strings are at most two edits apart (substitutions, insertions, deletions or adjacent
    /// transpositions; optimal string alignment distance).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static bool WithinTwoEdits(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (Math.Abs(a.Length - b.Length) > 2)
        {
            return false;
        }

        if (a.Length > 62 || b.Length > 62 || BagDistanceOver(a, b, 2))
        {
            return false;
        }

        var w = b.Length + 1;
        Span<int> d = stackalloc int[(a.Length + 1) * w];
        for (var j = 0; j <= b.Length; j++)
        {
            d[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            d[i * w] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(d[((i - 1) * w) + j] + 1, d[(i * w) + j - 1] + 1), d[((i - 1) * w) + j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    v = Math.Min(v, d[((i - 2) * w) + j - 2] + 1);
                }

                d[(i * w) + j] = v;
                rowMin = Math.Min(rowMin, v);
            }

            if (rowMin > 2)
            {
                return false;
            }
        }

        return d[(a.Length * w) + b.Length] <= 2;
    }

    /// <summary>Bag distance (characters of one string not matched in the other, the larger of the two counts) above
    /// <paramref name="limit"/>: a cheap lower bound on the edit distance, so most pairs skip the full computation.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static bool BagDistanceOver(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int limit)
    {
        Span<int> counts = stackalloc int[128];
        var other = 0;
        foreach (var c in a)
        {
            if (c < 128)
            {
                counts[c]++;
            }
            else
            {
                other++;
            }
        }

        foreach (var c in b)
        {
            if (c < 128)
            {
                counts[c]--;
            }
            else
            {
                other++;
            }
        }

        int extraA = 0, extraB = 0;
        foreach (var n in counts)
        {
            if (n > 0)
            {
                extraA += n;
            }
            else
            {
                extraB -= n;
            }
        }

        // Characters outside ASCII are not counted in the bags; treat them as unmatched only for the bound's sake.
        return Math.Max(extraA, extraB) > limit + other;
    }
}
