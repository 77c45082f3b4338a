namespace OpenMash.Matching;

/// <summary>NHS number check digit (modulus 11, weights 10..2 on the first nine digits).</summary>
public static class NhsNumber
{
    /// <summary>The check digit for nine digits, or -1 when the check would be 10 (no valid number has that stem).</summary>
    public static int CheckDigit(ReadOnlySpan<char> nineDigits)
    {
        if (nineDigits.Length != 9)
        {
            throw new ArgumentException("Nine digits expected.", nameof(nineDigits));
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            var d = nineDigits[i] - '0';
            if (d is < 0 or > 9)
            {
                throw new ArgumentException("Digits only.", nameof(nineDigits));
            }

            sum += d * (10 - i);
        }

        var check = 11 - (sum % 11);
        return check switch
        {
            11 => 0,
            10 => -1,
            _ => check,
        };
    }

    /// <summary>True when the text is ten digits (spaces allowed) with a correct check digit.</summary>
    public static bool IsValid(string? text)
    {
        var digits = Digits(text);
        return digits.Length == 10 && CheckDigit(digits.AsSpan(0, 9)) == digits[9] - '0';
    }

    internal static string Digits(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        Span<char> buffer = stackalloc char[Math.Min(text.Length, 32)];
        var n = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c) && n < buffer.Length)
            {
                buffer[n++] = c;
            }
        }

        return new string(buffer[..n]);
    }
}
