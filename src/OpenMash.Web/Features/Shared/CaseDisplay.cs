using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace OpenMash.Web.Features.Shared;

/// <summary>How case-working screens show states, RAG ratings and times (UK local time).</summary>
public static class CaseDisplay
{
    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static readonly CultureInfo Gb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>
    /// The one way a moment is shown on screen, in exports and in e-mails: GOV.UK style in UK time
    /// ("1 December 2026 at 9:15am", "at midday", "at midnight"); "Not set" when there is none.
    /// </summary>
    public static string Time(DateTime? utc) => utc is { } value ? $"{Date(value)} at {ClockTime(Local(value))}" : "Not set";

    /// <summary>The UK calendar date of a moment, GOV.UK style ("1 December 2026").</summary>
    public static string Date(DateTime utc) => Local(utc).ToString("d MMMM yyyy", Gb);

    /// <summary>A calendar date, GOV.UK style ("1 December 2026").</summary>
    public static string Date(DateOnly? date, string none = "Not known") => date?.ToString("d MMMM yyyy", Gb) ?? none;

    /// <summary>The time of day GOV.UK style: "9am", "9:15am", "5:30pm", "midday", "midnight".</summary>
    public static string ClockTime(DateTime local) => (local.Hour, local.Minute) switch
    {
        (0, 0) => "midnight",
        (12, 0) => "midday",
        var (h, m) => $"{(h % 12 == 0 ? 12 : h % 12)}{(m == 0 ? string.Empty : ":" + m.ToString("D2", CultureInfo.InvariantCulture))}{(h < 12 ? "am" : "pm")}",
    };

    /// <summary>A UTC moment in UK local time (Europe/London, so GMT or BST as the date requires).</summary>
    public static DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), UkTime);

    /// <summary>An audit row's purpose in words: the sharing purposes the engine records by code, others as written.</summary>
    public static string Purpose(string? purpose) =>
        purpose is null ? "Not recorded"
        : Enum.TryParse<OpenMash.Sharing.SharingPurpose>(purpose, out var known) && Enum.IsDefined(known) && !int.TryParse(purpose, out _) ? known.DisplayName()
        : purpose;

    /// <summary>A machine-readable moment for a <c>&lt;time datetime&gt;</c> attribute.</summary>
    public static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>How long is left before <paramref name="dueUtc"/>, or how late it is: "2 hours left", "overdue by 1 hour".</summary>
    public static string TimeLeft(DateTime? dueUtc, DateTime nowUtc)
    {
        if (dueUtc is not { } due)
        {
            return "No due time";
        }

        var span = due - nowUtc;
        var late = span < TimeSpan.Zero;
        var length = Duration(late ? -span : span);
        return late ? $"overdue by {length}" : $"{length} left";
    }

    private static string Duration(TimeSpan span)
    {
        static string Plural(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";
        if (span.TotalDays >= 2)
        {
            return Plural((int)span.TotalDays, "day");
        }

        if (span.TotalHours >= 1)
        {
            return Plural((int)span.TotalHours, "hour");
        }

        return span.TotalMinutes >= 1 ? Plural((int)span.TotalMinutes, "minute") : "less than a minute";
    }

    /// <summary>A child's age on <paramref name="today"/> in words ("9 years old", "5 months old"); "age unknown" without a date of birth.</summary>
    public static string Age(DateOnly? dateOfBirth, DateOnly today)
    {
        if (dateOfBirth is not { } dob || dob > today)
        {
            return "age unknown";
        }

        var months = ((today.Year - dob.Year) * 12) + today.Month - dob.Month - (today.Day < dob.Day ? 1 : 0);
        return months >= 24 ? $"{months / 12} years old" : months >= 12 ? "1 year old" : months == 1 ? "1 month old" : $"{months} months old";
    }

    /// <summary>Today's date in the UK.</summary>
    public static DateOnly UkToday(DateTime nowUtc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc), UkTime));

    public static IHtmlContent StateBadge(ContactState state)
    {
        var colour = state switch
        {
            ContactState.AwaitingScreening => "moj-badge--purple",
            ContactState.AwaitingPartnerInformation => "moj-badge--blue",
            ContactState.AwaitingDecision => "moj-badge--black",
            _ => "moj-badge--green",
        };
        return new HtmlString($"<strong class=\"moj-badge {colour}\">{state.DisplayName()}</strong>");
    }

    public static IHtmlContent RagTag(RagRating? rag) => rag switch
    {
        RagRating.Red => new HtmlString("<strong class=\"govuk-tag govuk-tag--red\">Red</strong>"),
        RagRating.Amber => new HtmlString("<strong class=\"govuk-tag govuk-tag--orange\">Amber</strong>"),
        RagRating.Green => new HtmlString("<strong class=\"govuk-tag govuk-tag--green\">Green</strong>"),
        _ => new HtmlString("<strong class=\"govuk-tag govuk-tag--grey\">Not rated</strong>"),
    };

    /// <summary>Names joined as people write them: "A", "A and B", "A, B and C".</summary>
    public static string AndList(IReadOnlyList<string> names) => names.Count switch
    {
        0 => string.Empty,
        1 => names[0],
        _ => string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1],
    };

    public static string Ordinal(int n) => (n % 100) switch
    {
        11 or 12 or 13 => $"{n}th",
        _ => (n % 10) switch { 1 => $"{n}st", 2 => $"{n}nd", 3 => $"{n}rd", _ => $"{n}th" },
    };

    /// <summary>Replaces model-binding messages with the service's, so each problem is listed once, in words a user understands.</summary>
    public static void AddErrors(ModelStateDictionary state, IEnumerable<ValidationError> errors)
    {
        state.Clear();
        foreach (var error in errors)
        {
            state.AddModelError(error.Field, error.Message);
        }
    }
}
