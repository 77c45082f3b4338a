using OpenMash.Web.Security;

namespace OpenMash.Web.Auditing;

/// <summary>Audit rows queued by one DbContext (reads, refusals, sign-in events) until its next save writes them.</summary>
public sealed class PendingAudit(TimeProvider time)
{
    private readonly List<AuditEntry> _rows = [];

    public void Add(
        Actor who,
        string action,
        AuditOutcome outcome = AuditOutcome.Allowed,
        string? targetType = null,
        string? targetId = null,
        IEnumerable<Guid>? subjects = null,
        string? purpose = null,
        string? detail = null) =>
        _rows.Add(NewEntry(who, action, outcome, targetType, targetId, subjects, purpose, detail));

    /// <summary>A row stamped with the current time, not yet queued.</summary>
    public AuditEntry NewEntry(
        Actor who, string action, AuditOutcome outcome, string? targetType, string? targetId, IEnumerable<Guid>? subjects, string? purpose, string? detail) =>
        new()
        {
            OccurredAtUtc = AuditHash.Normalise(time.GetUtcNow().UtcDateTime),
            UserId = who.UserId,
            UserName = who.UserName,
            AgencyId = who.AgencyId,
            HubId = who.HubId,
            Role = who.Roles,
            Action = action,
            TargetType = Clamp(targetType, 100),
            TargetId = Clamp(targetId, 100),
            Subjects = subjects is null ? null : string.Join(',', subjects),
            Purpose = Clamp(purpose, 200),
            Outcome = outcome,
            // A target too long for its column (an address typed by whoever was refused) is kept whole in the detail.
            Detail = Clamp(targetId?.Length > 100 ? $"target {targetId}" + (detail is null ? string.Empty : "; " + detail) : detail, 2000),
            PreviousHash = string.Empty,
            Hash = string.Empty,
        };

    /// <summary>A value cut to its column's length (marked with an ellipsis), so that no audit row fails to save.</summary>
    private static string? Clamp(string? value, int max) => value is null || value.Length <= max ? value : value[..(max - 1)] + "…";

    /// <summary>Every queued row, emptying the queue.</summary>
    public List<AuditEntry> TakeAll()
    {
        var rows = _rows.ToList();
        _rows.Clear();
        return rows;
    }
}
