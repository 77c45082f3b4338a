using System.Net;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace OpenMash.Web.Features.Shared;

/// <summary>
/// Puts every GOV.UK table (<c>&lt;table class="govuk-table"&gt;</c>) in a container of its own that scrolls sideways,
/// so a table wider than a small screen (320 px) scrolls inside the page instead of making the whole page scroll. The
/// container is a labelled region that the keyboard can reach and scroll (WCAG 2.1.1, 1.4.10): its name is
/// <c>scroll-label</c> when given, otherwise the table's caption.
/// </summary>
[HtmlTargetElement("table")]
public sealed partial class TableScrollTagHelper : TagHelper
{
    /// <summary>The container's accessible name when the table has no caption (or a better one).</summary>
    [HtmlAttributeName("scroll-label")]
    public string? ScrollLabel { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var classes = output.Attributes["class"]?.Value?.ToString() ?? string.Empty;
        if (!classes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("govuk-table", StringComparer.Ordinal))
        {
            return;
        }

        var label = ScrollLabel;
        if (string.IsNullOrWhiteSpace(label))
        {
            var content = (await output.GetChildContentAsync()).GetContent();
            label = CaptionOf(content) ?? "Table";
        }

        output.PreElement.AppendHtml($"<div class=\"openmash-table-scroll\" role=\"region\" aria-label=\"{HtmlEncoder.Default.Encode(label)}\" tabindex=\"0\">");
        output.PostElement.AppendHtml("</div>");
    }

    /// <summary>The caption's words (tags dropped, entities decoded, spaces collapsed), or null when there is none.</summary>
    public static string? CaptionOf(string tableHtml)
    {
        var caption = Caption().Match(tableHtml);
        if (!caption.Success)
        {
            return null;
        }

        var text = Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(caption.Groups[1].Value, " ")), " ").Trim();
        return text.Length == 0 ? null : text;
    }

    [GeneratedRegex("<caption[^>]*>(.*?)</caption>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Caption();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
