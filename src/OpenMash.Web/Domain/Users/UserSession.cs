namespace OpenMash.Web.Domain.Users;

/// <summary>
/// A signed-in session on the server. The sign-in cookie carries the session's id, and the cookie is accepted only
/// while the session has not ended, so that signing out (or an administrator ending it) stops a copied cookie too.
/// </summary>
public sealed class UserSession
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public DateTime StartedAtUtc { get; set; }

    public DateTime? EndedAtUtc { get; set; }

    /// <summary>Why it ended: "signed out", "session time-out", ...</summary>
    public string? EndReason { get; set; }

    public bool IsActive => EndedAtUtc is null;

    public void End(DateTime nowUtc, string reason)
    {
        if (EndedAtUtc is not null)
        {
            throw new InvalidOperationException("This session has already ended.");
        }

        EndedAtUtc = nowUtc;
        EndReason = reason;
    }
}
