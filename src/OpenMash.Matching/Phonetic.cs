using System.Text;

namespace OpenMash.Matching;

/// <summary>Phonetic keys after Lawrence Philips' Double Metaphone: a primary and an alternate code of up to four
/// characters. Hand-written because no maintained NuGet package provides it; it covers the rules that matter for
/// names spoken in English (silent letters, CH/SH/TH/PH, soft C and G, J/H and W/F ambiguity) rather than every
/// special case of the original.</summary>
public static class Phonetic
{
    private const int MaxLength = 4;

    public static (string Primary, string Alternate) DoubleMetaphone(string? name)
    {
        var w = Text.Normalise(name).Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        if (w.Length == 0)
        {
            return (string.Empty, string.Empty);
        }

        var p = new StringBuilder(8);
        var a = new StringBuilder(8);
        var i = 0;
        var last = w.Length - 1;

        if (w.StartsWith("GN", StringComparison.Ordinal) || w.StartsWith("KN", StringComparison.Ordinal)
            || w.StartsWith("PN", StringComparison.Ordinal) || w.StartsWith("WR", StringComparison.Ordinal)
            || w.StartsWith("PS", StringComparison.Ordinal))
        {
            i = 1;
        }

        if (w[0] == 'X')
        {
            Add(p, a, "S");
            i = 1;
        }

        while (i < w.Length && (p.Length < MaxLength || a.Length < MaxLength))
        {
            var c = w[i];
            if (IsVowel(c))
            {
                if (i == 0)
                {
                    Add(p, a, "A");
                }

                i++;
                continue;
            }

            switch (c)
            {
                case 'B':
                    Add(p, a, "P");
                    i += At(w, i + 1, "B") ? 2 : 1;
                    break;
                case 'Ç':
                    Add(p, a, "S");
                    i++;
                    break;
                case 'C':
                    if (At(w, i, "CH"))
                    {
                        if (i == 0 && (At(w, 0, "CHR") || At(w, 0, "CHL") || At(w, 0, "CHOR")))
                        {
                            Add(p, a, "K");
                        }
                        else
                        {
                            Add(p, a, "X", "K");
                        }

                        i += 2;
                    }
                    else if (At(w, i, "CZ"))
                    {
                        Add(p, a, "S", "X");
                        i += 2;
                    }
                    else if (At(w, i, "CIA"))
                    {
                        Add(p, a, "X");
                        i += 3;
                    }
                    else if (At(w, i, "CC") && i + 2 <= last && "IEH".Contains(w[i + 2], StringComparison.Ordinal))
                    {
                        Add(p, a, "KS");
                        i += 3;
                    }
                    else if (At(w, i, "CK") || At(w, i, "CG") || At(w, i, "CQ"))
                    {
                        Add(p, a, "K");
                        i += 2;
                    }
                    else if (At(w, i, "CI") || At(w, i, "CE") || At(w, i, "CY"))
                    {
                        Add(p, a, "S");
                        i += 2;
                    }
                    else
                    {
                        Add(p, a, "K");
                        i += At(w, i + 1, "C") || At(w, i + 1, "K") || At(w, i + 1, "Q") ? 2 : 1;
                    }

                    break;
                case 'D':
                    if (At(w, i, "DG") && i + 2 <= last && "IEY".Contains(w[i + 2], StringComparison.Ordinal))
                    {
                        Add(p, a, "J");
                        i += 3;
                    }
                    else
                    {
                        Add(p, a, "T");
                        i += At(w, i, "DT") || At(w, i, "DD") ? 2 : 1;
                    }

                    break;
                case 'F':
                    Add(p, a, "F");
                    i += At(w, i + 1, "F") ? 2 : 1;
                    break;
                case 'G':
                    if (At(w, i + 1, "H"))
                    {
                        if (i > 0 && !IsVowel(w[i - 1]))
                        {
                            Add(p, a, "K");
                        }
                        else if (i == 0)
                        {
                            Add(p, a, w.Length > 2 && w[2] == 'I' ? "J" : "K");
                        }
                        else
                        {
                            // GH after a vowel is silent (HUGH, LEIGH) or F (in ...OUGH): silent, with an F alternate.
                            Add(p, a, string.Empty, "F");
                        }

                        i += 2;
                    }
                    else if (At(w, i + 1, "N"))
                    {
                        if (i == 0 || i + 2 > last)
                        {
                            Add(p, a, "N");
                        }
                        else
                        {
                            Add(p, a, "KN", "N");
                        }

                        i += 2;
                    }
                    else if (i + 1 <= last && "EIY".Contains(w[i + 1], StringComparison.Ordinal))
                    {
                        Add(p, a, "J", "K");
                        i += 2;
                    }
                    else
                    {
                        Add(p, a, "K");
                        i += At(w, i + 1, "G") ? 2 : 1;
                    }

                    break;
                case 'H':
                    if ((i == 0 || IsVowel(w[i - 1])) && i + 1 <= last && IsVowel(w[i + 1]))
                    {
                        Add(p, a, "H");
                    }

                    i++;
                    break;
                case 'J':
                    Add(p, a, "J", i == 0 ? "A" : "H");
                    i += At(w, i + 1, "J") ? 2 : 1;
                    break;
                case 'K':
                    Add(p, a, "K");
                    i += At(w, i + 1, "K") ? 2 : 1;
                    break;
                case 'L':
                    Add(p, a, "L");
                    i += At(w, i + 1, "L") ? 2 : 1;
                    break;
                case 'M':
                    Add(p, a, "M");
                    i += At(w, i + 1, "M") ? 2 : 1;
                    break;
                case 'N':
                case 'Ñ':
                    Add(p, a, "N");
                    i += At(w, i + 1, "N") ? 2 : 1;
                    break;
                case 'P':
                    if (At(w, i + 1, "H"))
                    {
                        Add(p, a, "F");
                        i += 2;
                    }
                    else
                    {
                        Add(p, a, "P");
                        i += At(w, i + 1, "P") || At(w, i + 1, "B") ? 2 : 1;
                    }

                    break;
                case 'Q':
                    Add(p, a, "K");
                    i += At(w, i + 1, "Q") ? 2 : 1;
                    break;
                case 'R':
                    Add(p, a, "R");
                    i += At(w, i + 1, "R") ? 2 : 1;
                    break;
                case 'S':
                    if (At(w, i, "SH"))
                    {
                        Add(p, a, "X");
                        i += 2;
                    }
                    else if (At(w, i, "SIO") || At(w, i, "SIA"))
                    {
                        Add(p, a, "S", "X");
                        i += 3;
                    }
                    else if (At(w, i, "SCH"))
                    {
                        Add(p, a, "SK", "X");
                        i += 3;
                    }
                    else if (At(w, i, "SC") && i + 2 <= last && "IEY".Contains(w[i + 2], StringComparison.Ordinal))
                    {
                        Add(p, a, "S");
                        i += 3;
                    }
                    else
                    {
                        Add(p, a, "S");
                        i += At(w, i + 1, "S") || At(w, i + 1, "Z") ? 2 : 1;
                    }

                    break;
                case 'T':
                    if (At(w, i, "TIO") || At(w, i, "TIA") || At(w, i, "TCH"))
                    {
                        Add(p, a, "X");
                        i += 3;
                    }
                    else if (At(w, i, "TH") || At(w, i, "TTH"))
                    {
                        Add(p, a, "0", "T");
                        i += At(w, i, "TTH") ? 3 : 2;
                    }
                    else
                    {
                        Add(p, a, "T");
                        i += At(w, i + 1, "T") || At(w, i + 1, "D") ? 2 : 1;
                    }

                    break;
                case 'V':
                    Add(p, a, "F");
                    i += At(w, i + 1, "V") ? 2 : 1;
                    break;
                case 'W':
                    if (i == 0 && i + 1 <= last && IsVowel(w[i + 1]))
                    {
                        Add(p, a, "A", "F");
                    }

                    i++;
                    break;
                case 'X':
                    Add(p, a, "KS");
                    i += At(w, i + 1, "X") || At(w, i + 1, "C") ? 2 : 1;
                    break;
                case 'Z':
                    Add(p, a, "S", At(w, i + 1, "Z") ? "TS" : "S");
                    i += At(w, i + 1, "Z") ? 2 : 1;
                    break;
                default:
                    i++;
                    break;
            }
        }

        var primary = p.Length > MaxLength ? p.ToString(0, MaxLength) : p.ToString();
        var alternate = a.Length > MaxLength ? a.ToString(0, MaxLength) : a.ToString();
        return (primary, alternate);
    }

    private static bool IsVowel(char c) => c is 'A' or 'E' or 'I' or 'O' or 'U' or 'Y';

    private static bool At(string w, int index, string s) =>
        index >= 0 && index + s.Length <= w.Length && string.CompareOrdinal(w, index, s, 0, s.Length) == 0;

    private static void Add(StringBuilder p, StringBuilder a, string main, string? alt = null)
    {
        p.Append(main);
        a.Append(alt ?? main);
    }
}
