using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenMash.Web.Features;

/// <summary>Where a repeated form submission goes while the first copy is still being handled (see <c>SubmitOnceMiddleware</c>).</summary>
public sealed class SubmittedModel : PageModel
{
    public string Back { get; private set; } = "/";

    public void OnGet(string? from) =>
        Back = from is { Length: > 1 } path && path[0] == '/' && !path.StartsWith("//", StringComparison.Ordinal) && !path.Contains('\\', StringComparison.Ordinal) ? path : "/";
}
