namespace OpenMash.Web.Domain.Forms;

/// <summary>
/// One use of a page form's one-use token (the hidden <c>__FormToken</c> field every post form carries): claimed
/// before the form's handler runs, so that a second copy of the same submission (a double click, a resent request,
/// a retry after a slow answer) never runs it again, and given the address the first answered with, so that the
/// repeat is shown the result of the first. Holds no personal data: a token, who sent it and where it went.
/// </summary>
public sealed class FormSubmission
{
    public required string Token { get; set; }

    /// <summary>The signed-in user's id, or "anonymous" (the sign-in form): a token is honoured only for its sender.</summary>
    public required string SentBy { get; set; }

    public required string Path { get; set; }

    public DateTime ClaimedAtUtc { get; set; }

    /// <summary>When the first submission finished with a redirect; null while it is being handled.</summary>
    public DateTime? CompletedAtUtc { get; set; }

    /// <summary>Where the first submission sent the user (its result page).</summary>
    public string? ResultLocation { get; set; }
}
