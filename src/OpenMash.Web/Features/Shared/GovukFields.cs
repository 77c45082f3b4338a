using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace OpenMash.Web.Features.Shared;

/// <summary>The GOV.UK date input pattern: day, month and year fields in one fieldset.</summary>
public static class GovukFields
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    public static IHtmlContent DateInput(ModelStateDictionary state, string name, string legend, DateParts? value, string? hint = null)
    {
        var id = Govuk.IdFor(name);
        var error = Govuk.ErrorFor(state, name);
        var describedBy = string.Join(' ', new[] { hint is null ? null : id + "-hint", error is null ? null : id + "-error" }.Where(x => x is not null));
        string Item(string part, string label, string? v, string width, bool first) =>
            $"<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\">" +
            $"<label class=\"govuk-label govuk-date-input__label\" for=\"{(first ? id : id + "-" + part.ToLowerInvariant())}\">{label}</label>" +
            $"<input class=\"govuk-input govuk-date-input__input {width}{(error is null ? string.Empty : " govuk-input--error")}\" id=\"{(first ? id : id + "-" + part.ToLowerInvariant())}\" " +
            $"name=\"{Html.Encode(name)}.{part}\" type=\"text\" inputmode=\"numeric\" value=\"{Html.Encode(v ?? string.Empty)}\"></div></div>";
        var html =
            $"<div class=\"govuk-form-group{(error is null ? string.Empty : " govuk-form-group--error")}\">" +
            $"<fieldset class=\"govuk-fieldset\" role=\"group\"{(describedBy.Length == 0 ? string.Empty : $" aria-describedby=\"{describedBy}\"")}>" +
            $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{Html.Encode(legend)}</legend>" +
            (hint is null ? string.Empty : $"<div id=\"{id}-hint\" class=\"govuk-hint\">{Html.Encode(hint)}</div>") +
            (error is null ? string.Empty : $"<p id=\"{id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {Html.Encode(error)}</p>") +
            $"<div class=\"govuk-date-input\" id=\"{id}-input\">" +
            Item("Day", "Day", value?.Day, "govuk-input--width-2", true) +
            Item("Month", "Month", value?.Month, "govuk-input--width-2", false) +
            Item("Year", "Year", value?.Year, "govuk-input--width-4", false) +
            "</div></fieldset></div>";
        return new HtmlString(html);
    }

    public static IHtmlContent Select(ModelStateDictionary state, string name, string label, IEnumerable<(string Value, string Text)> options, string? selected, string? hint = null)
    {
        var id = Govuk.IdFor(name);
        var error = Govuk.ErrorFor(state, name);
        var describedBy = string.Join(' ', new[] { hint is null ? null : id + "-hint", error is null ? null : id + "-error" }.Where(x => x is not null));
        var items = string.Concat(options.Select(o =>
            $"<option value=\"{Html.Encode(o.Value)}\"{(o.Value == (selected ?? string.Empty) ? " selected" : string.Empty)}>{Html.Encode(o.Text)}</option>"));
        return new HtmlString(
            $"<div class=\"govuk-form-group{(error is null ? string.Empty : " govuk-form-group--error")}\">" +
            $"<label class=\"govuk-label\" for=\"{id}\">{Html.Encode(label)}</label>" +
            (hint is null ? string.Empty : $"<div id=\"{id}-hint\" class=\"govuk-hint\">{Html.Encode(hint)}</div>") +
            (error is null ? string.Empty : $"<p id=\"{id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {Html.Encode(error)}</p>") +
            $"<select class=\"govuk-select{(error is null ? string.Empty : " govuk-select--error")}\" id=\"{id}\" name=\"{Html.Encode(name)}\"" +
            (describedBy.Length == 0 ? string.Empty : $" aria-describedby=\"{describedBy}\"") + $">{items}</select></div>");
    }
}
