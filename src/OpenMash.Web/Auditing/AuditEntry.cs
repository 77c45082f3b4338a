namespace OpenMash.Web.Auditing;

/// <summary>
/// One append-only audit row. Rows form a hash chain: <see cref="Hash"/> is SHA-256 over this row's content and
/// <see cref="PreviousHash"/>, so that an edited, deleted, inserted or reordered row is detected by <c>audit verify</c>.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>Gapless, assigned from the chain head inside the writing transaction.</summary>
    public long Sequence { get; set; }

    /// <summary>UTC, truncated to whole microseconds so that it round-trips through both databases unchanged.</summary>
    public DateTime OccurredAtUtc { get; set; }

    public Guid? UserId { get; set; }

    public string? UserName { get; set; }

    public Guid? AgencyId { get; set; }

    public Guid? HubId { get; set; }

    public string? Role { get; set; }

    public required string Action { get; set; }

    public string? TargetType { get; set; }

    public string? TargetId { get; set; }

    /// <summary>Person ids the event is about, comma-separated.</summary>
    public string? Subjects { get; set; }

    public string? Purpose { get; set; }

    public AuditOutcome Outcome { get; set; }

    /// <summary>Free text that never holds personal data: changed field names, the rule that refused, and so on.</summary>
    public string? Detail { get; set; }

    public required string PreviousHash { get; set; }

    public required string Hash { get; set; }
}
