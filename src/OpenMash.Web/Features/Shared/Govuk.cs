using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace OpenMash.Web.Features.Shared;

/// <summary>
/// GOV.UK Design System form markup (error summary, text input, radios, checkboxes, textarea) rendered from a
/// field name and ModelState, so that every page shows errors the same way: summary at the top, message inline.
/// </summary>
public static class Govuk
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    public static string IdFor(string name) => name.Replace('.', '_').Replace('[', '_').Replace(']', '_');

    /// <summary>The error summary, its links in the order of <paramref name="fieldOrder"/> (the order of the form).</summary>
    public static IHtmlContent ErrorSummary(ModelStateDictionary state, params string[] fieldOrder)
    {
        if (state.IsValid)
        {
            return HtmlString.Empty;
        }

        var items = state
            .Where(kv => kv.Value is { Errors.Count: > 0 })
            .SelectMany(kv => kv.Value!.Errors.Select(e => (Key: kv.Key, e.ErrorMessage)))
            .OrderBy(e => Array.IndexOf(fieldOrder, e.Key) is var i && i < 0 ? int.MaxValue : i)
            .Select(e => string.IsNullOrEmpty(e.Key)
                ? $"<li>{Html.Encode(e.ErrorMessage)}</li>"
                : $"<li><a href=\"#{IdFor(e.Key)}\">{Html.Encode(e.ErrorMessage)}</a></li>");
        return new HtmlString(
            "<div class=\"govuk-error-summary\" data-module=\"govuk-error-summary\"><div role=\"alert\">" +
            "<h2 class=\"govuk-error-summary__title\">There is a problem</h2><div class=\"govuk-error-summary__body\">" +
            $"<ul class=\"govuk-list govuk-error-summary__list\">{string.Concat(items)}</ul></div></div></div>");
    }

    public static IHtmlContent TextInput(
        ModelStateDictionary state, string name, string label, string? value, string type = "text", string? hint = null,
        string? autocomplete = null, string? inputClass = null, bool labelIsPageHeading = false, string? inputMode = null, bool spellcheck = true)
    {
        var id = IdFor(name);
        var error = ErrorFor(state, name);
        var describedBy = Join(hint is null ? null : id + "-hint", error is null ? null : id + "-error");
        var attributes = new List<string>
        {
            $"class=\"govuk-input{(inputClass is null ? string.Empty : " " + inputClass)}{(error is null ? string.Empty : " govuk-input--error")}\"",
            $"id=\"{id}\"", $"name=\"{Html.Encode(name)}\"", $"type=\"{type}\"",
            $"value=\"{Html.Encode(value ?? string.Empty)}\"",
        };
        if (autocomplete is not null)
        {
            attributes.Add($"autocomplete=\"{autocomplete}\"");
        }

        if (inputMode is not null)
        {
            attributes.Add($"inputmode=\"{inputMode}\"");
        }

        if (!spellcheck)
        {
            attributes.Add("spellcheck=\"false\"");
        }

        if (describedBy is not null)
        {
            attributes.Add($"aria-describedby=\"{describedBy}\"");
        }

        return Group(error, LabelHtml(id, label, labelIsPageHeading) + HintHtml(id, hint) + ErrorHtml(id, error) + $"<input {string.Join(' ', attributes)}>");
    }

    public static IHtmlContent Textarea(ModelStateDictionary state, string name, string label, string? value, string? hint = null, int rows = 5)
    {
        var id = IdFor(name);
        var error = ErrorFor(state, name);
        var describedBy = Join(hint is null ? null : id + "-hint", error is null ? null : id + "-error");
        return Group(error, LabelHtml(id, label, false) + HintHtml(id, hint) + ErrorHtml(id, error) +
            $"<textarea class=\"govuk-textarea{(error is null ? string.Empty : " govuk-textarea--error")}\" id=\"{id}\" name=\"{Html.Encode(name)}\" rows=\"{rows}\"" +
            (describedBy is null ? string.Empty : $" aria-describedby=\"{describedBy}\"") + $">{Html.Encode(value ?? string.Empty)}</textarea>");
    }

    public static IHtmlContent Radios(ModelStateDictionary state, string name, string legend, IEnumerable<(string Value, string Text)> options, string? selected, string? hint = null, bool small = false) =>
        Choices(state, name, legend, options, selected is null ? [] : [selected], hint, "radio", small ? "govuk-radios govuk-radios--small" : "govuk-radios", "govuk-radios__item", "govuk-radios__input", "govuk-radios__label");

    public static IHtmlContent Checkboxes(ModelStateDictionary state, string name, string legend, IEnumerable<(string Value, string Text)> options, IEnumerable<string> selected, string? hint = null) =>
        Choices(state, name, legend, options, selected.ToHashSet(StringComparer.Ordinal), hint, "checkbox", "govuk-checkboxes", "govuk-checkboxes__item", "govuk-checkboxes__input", "govuk-checkboxes__label");

    private static HtmlString Choices(
        ModelStateDictionary state, string name, string legend, IEnumerable<(string Value, string Text)> options, IReadOnlyCollection<string> selected, string? hint,
        string type, string groupClass, string itemClass, string inputClass, string labelClass)
    {
        var id = IdFor(name);
        var error = ErrorFor(state, name);
        var describedBy = Join(hint is null ? null : id + "-hint", error is null ? null : id + "-error");
        var items = options.Select((o, i) =>
        {
            var itemId = i == 0 ? id : $"{id}-{i + 1}";
            var isChecked = selected.Contains(o.Value) ? " checked" : string.Empty;
            return $"<div class=\"{itemClass}\"><input class=\"{inputClass}\" id=\"{itemId}\" name=\"{Html.Encode(name)}\" type=\"{type}\" value=\"{Html.Encode(o.Value)}\"{isChecked}>" +
                   $"<label class=\"govuk-label {labelClass}\" for=\"{itemId}\">{Html.Encode(o.Text)}</label></div>";
        });
        var fieldset = $"<fieldset class=\"govuk-fieldset\"{(describedBy is null ? string.Empty : $" aria-describedby=\"{describedBy}\"")}>" +
            $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{Html.Encode(legend)}</legend>" +
            HintHtml(id, hint) + ErrorHtml(id, error) + $"<div class=\"{groupClass}\" data-module=\"{groupClass.Split(' ')[0]}\">{string.Concat(items)}</div></fieldset>";
        return Group(error, fieldset);
    }

    public static string? ErrorFor(ModelStateDictionary state, string name) =>
        state.TryGetValue(name, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    private static HtmlString Group(string? error, string inner) =>
        new($"<div class=\"govuk-form-group{(error is null ? string.Empty : " govuk-form-group--error")}\">{inner}</div>");

    private static string LabelHtml(string id, string label, bool isHeading) => isHeading
        ? $"<h1 class=\"govuk-label-wrapper\"><label class=\"govuk-label govuk-label--l\" for=\"{id}\">{Html.Encode(label)}</label></h1>"
        : $"<label class=\"govuk-label\" for=\"{id}\">{Html.Encode(label)}</label>";

    private static string HintHtml(string id, string? hint) =>
        hint is null ? string.Empty : $"<div id=\"{id}-hint\" class=\"govuk-hint\">{Html.Encode(hint)}</div>";

    private static string ErrorHtml(string id, string? error) =>
        error is null ? string.Empty : $"<p id=\"{id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {Html.Encode(error)}</p>";

    private static string? Join(params string?[] ids) =>
        ids.Where(i => i is not null).ToList() is { Count: > 0 } list ? string.Join(' ', list) : null;
}
