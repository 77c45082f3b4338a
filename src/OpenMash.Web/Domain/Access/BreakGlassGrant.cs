using Microsoft.EntityFrameworkCore;

namespace OpenMash.Web.Domain.Access;

/// <summary>
/// Emergency access by one user to another hub's records about one of their own hub's children, for a limited time.
/// Not hub-scoped: it spans the requesting hub and the owning hub, and every query names the hub it needs.
/// </summary>
public sealed class BreakGlassGrant : IAuditSubjects
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public required string UserName { get; set; }

    public Guid AgencyId { get; set; }

    /// <summary>The requesting user's hub, which holds <see cref="PersonId"/>.</summary>
    public Guid HubId { get; set; }

    /// <summary>The requesting hub's own record of the child.</summary>
    public Guid PersonId { get; set; }

    /// <summary>The hub whose records the grant opens.</summary>
    public Guid OwningHubId { get; set; }

    /// <summary>The owning hub's matching records when the grant was made, comma-separated (for its managers' notice).</summary>
    public string? MatchedPersonIds { get; set; }

    public BreakGlassReason Reason { get; set; }

    public required string Justification { get; set; }

    public DateTime GrantedAtUtc { get; set; }

    public DateTime ExpiresAtUtc { get; set; }

    public DateTime? ReviewedAtUtc { get; set; }

    public Guid? ReviewedByUserId { get; set; }

    public string? ReviewNotes { get; set; }

    public IEnumerable<Guid> AuditSubjects => new[] { PersonId }.Concat(MatchedIds);

    public IEnumerable<Guid> MatchedIds => (MatchedPersonIds ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse);
}
