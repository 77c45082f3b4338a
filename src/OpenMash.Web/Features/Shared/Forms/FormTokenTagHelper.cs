using Microsoft.AspNetCore.Razor.TagHelpers;

namespace OpenMash.Web.Features.Shared.Forms;

/// <summary>
/// Gives every <c>&lt;form method="post"&gt;</c> a fresh one-use token, so that <see cref="SubmitOnceMiddleware"/> can
/// tell a second copy of the same submission from a new one. Each rendering of a form gets a new token.
/// </summary>
[HtmlTargetElement("form")]
public sealed class FormTokenTagHelper : TagHelper
{
    public const string FieldName = "__FormToken";

    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var method = output.Attributes["method"]?.Value?.ToString() ?? context.AllAttributes["method"]?.Value?.ToString();
        if (string.Equals(method, "post", StringComparison.OrdinalIgnoreCase))
        {
            output.PostContent.AppendHtml($"<input type=\"hidden\" name=\"{FieldName}\" value=\"{NewToken()}\">");
        }
    }

    public static string NewToken() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
}
