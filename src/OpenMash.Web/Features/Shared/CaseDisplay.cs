using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace OpenMash.Web.Features.Shared;

/// <summary>How case-working screens show states, RAG ratings and times (UK local time).</summary>
public static class CaseDisplay
{
    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static string Time(DateTime? utc) => utc is { } value
        ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(value, DateTimeKind.Utc), UkTime).ToString("d MMM yyyy HH:mm", CultureInfo.GetCultureInfo("en-GB"))
        : "Not set";

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
