using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenMash.Web.Features;

/// <summary>Every error page: a plain message, never a stack trace.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; } = StatusCodes.Status500InternalServerError;

    public string? RequestId { get; private set; }

    /// <summary>Why a record guard refused (403), when its policy said why: for example a manager deciding their own request.</summary>
    public string? Reason { get; private set; }

    public void OnGet(int? statusCode) => Set(statusCode);

    public void OnPost(int? statusCode) => Set(statusCode);

    private void Set(int? statusCode)
    {
        Status = statusCode ?? StatusCodes.Status500InternalServerError;
        RequestId = HttpContext.TraceIdentifier;
        Reason = Status == StatusCodes.Status403Forbidden ? HttpContext.Features.Get<Security.Guards.RecordRefusal>()?.Reason : null;
    }
}
