using System.Text;

namespace OpenMash.Web.Features.Shared;

/// <summary>
/// Names and free text are text people write: stored in Unicode normal form C (so "é" typed or pasted as e plus an
/// accent is one stored spelling, found by search and matched by the person matcher), and never holding control
/// characters (NUL and the rest) or text-direction overrides, which can make a name display as something else
/// ("Nul \u202Eome" shows as "Nul emo"). Inputs are normalised once as they arrive (<see cref="NormaliseTextInputFilter"/>
/// for forms, <see cref="NfcStringConverter"/> for JSON); <see cref="Validation"/> refuses the characters.
/// </summary>
public static class TextRules
{
    /// <summary>The text in normal form C; ill-formed text (a lone surrogate) is returned as it is, for the rules to refuse.</summary>
    public static string Normalise(string value)
    {
        try
        {
            return value.IsNormalized(NormalizationForm.FormC) ? value : value.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return value;
        }
    }

    /// <summary>
    /// What is wrong with the characters of an answer, in words for the person who typed it, or null. Line breaks
    /// and tabs are allowed only in multi-line text; the invisible left-to-right and right-to-left marks only there too.
    /// </summary>
    public static string? Problem(string? value, string label, bool multiLine)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var name = label.Length == 0 ? label : char.ToUpperInvariant(label[0]) + label[1..];
        var lineBreak = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            if (c is '\n' or '\r' or '\t')
            {
                lineBreak |= !multiLine;
                continue;
            }

            if (char.IsSurrogate(c) || char.IsControl(c) || IsDirectionControl(c) || (!multiLine && IsDirectionMark(c)) || c is '\u2028' or '\u2029')
            {
                return $"{name} must not contain hidden control or text-direction characters: type it again rather than copying and pasting it";
            }
        }

        return lineBreak ? $"{name} must be on one line" : null;
    }

    /// <summary>Embeddings, overrides and isolates (U+202A to U+202E, U+2066 to U+2069): they reorder what is displayed.</summary>
    private static bool IsDirectionControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    /// <summary>The left-to-right, right-to-left and Arabic letter marks: invisible, and allowed only in longer text.</summary>
    private static bool IsDirectionMark(char c) => c is '\u200E' or '\u200F' or '\u061C';
}
