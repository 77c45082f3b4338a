namespace OpenMash.Web.Domain.People;

/// <summary>Check digits of the identifiers met at the front door (REFERENCE section 5).</summary>
public static class Identifiers
{
    private const string UpnLetters = "ABCDEFGHJKLMNPQRTUVWXYZ";

    /// <summary>10 digits; the 10th is a modulus-11 check digit over digits 1-9 weighted 10 to 2.</summary>
    public static bool IsValidNhsNumber(string? value)
    {
        var digits = Normalise(value);
        if (digits.Length != 10 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        return Matching.NhsNumber.CheckDigit(digits.AsSpan(0, 9)) == digits[9] - '0';
    }

    /// <summary>
    /// 13 characters: a check letter, then 11 digits and a last character that is a digit or (temporary UPN) a
    /// letter. Check letter: weight characters 2-13 by 2..13, sum mod 23, read in the alphabet without I, O, S.
    /// </summary>
    public static bool IsValidUpn(string? value)
    {
        var upn = Normalise(value).ToUpperInvariant();
        if (upn.Length != 13 || !UpnLetters.Contains(upn[0], StringComparison.Ordinal) || !upn[1..12].All(char.IsAsciiDigit))
        {
            return false;
        }

        var last = upn[12];
        int lastValue;
        if (char.IsAsciiDigit(last))
        {
            lastValue = last - '0';
        }
        else if (UpnLetters.IndexOf(last, StringComparison.Ordinal) is var index and >= 0)
        {
            lastValue = index;
        }
        else
        {
            return false;
        }

        var sum = lastValue * 13;
        for (var position = 2; position <= 12; position++)
        {
            sum += (upn[position - 1] - '0') * position;
        }

        return UpnLetters[sum % 23] == upn[0];
    }

    public static string Normalise(string? value) =>
        new((value ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
}
