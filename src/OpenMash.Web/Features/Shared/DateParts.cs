using System.Globalization;

namespace OpenMash.Web.Features.Shared;

/// <summary>What was typed into a GOV.UK date input, kept as text so that a wrong entry is shown back as typed.</summary>
public sealed class DateParts
{
    public string? Day { get; set; }

    public string? Month { get; set; }

    public string? Year { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    public static DateParts From(DateOnly? date) => date is { } d
        ? new DateParts { Day = d.Day.ToString(CultureInfo.InvariantCulture), Month = d.Month.ToString(CultureInfo.InvariantCulture), Year = d.Year.ToString(CultureInfo.InvariantCulture) }
        : new DateParts();

    public static DateParts Read(IFormCollection form, string name) => new()
    {
        Day = form[name + ".Day"].ToString().Trim(),
        Month = form[name + ".Month"].ToString().Trim(),
        Year = form[name + ".Year"].ToString().Trim(),
    };

    /// <summary>The date, or null with <paramref name="valid"/> false when something was typed that is not a real date.</summary>
    public DateOnly? Parse(out bool valid)
    {
        valid = true;
        if (IsBlank)
        {
            return null;
        }

        if (int.TryParse(Day, NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            && int.TryParse(Month, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            && int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            && Year!.Length == 4 && m is >= 1 and <= 12 && y >= 1900 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
        {
            return new DateOnly(y, m, d);
        }

        valid = false;
        return null;
    }
}
