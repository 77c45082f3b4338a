using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;

namespace OpenMash.Web.Auditing;

/// <summary>
/// Appends rows to the hash chain inside the caller's transaction. The head row is locked by a no-op UPDATE
/// (a row lock on PostgreSQL, the write lock on SQLite), read, advanced and released at commit, so concurrent
/// writers queue only for the audit insert itself (docs/adr/0003-audit-chain.md).
/// </summary>
public static class AuditChain
{
    public static async Task AppendAsync(OpenMashDbContext db, IReadOnlyList<AuditEntry> rows, CancellationToken ct)
    {
        var head = db.AuditChainHeads.Where(h => h.Id == AuditChainHead.SingletonId);
        var locked = await head.ExecuteUpdateAsync(s => s.SetProperty(h => h.LastSequence, h => h.LastSequence), ct);
        if (locked != 1)
        {
            throw new InvalidOperationException("The audit chain head is missing; the database was not migrated.");
        }

        var current = await head.AsNoTracking().SingleAsync(ct);
        var sequence = current.LastSequence;
        var previous = current.LastHash;
        foreach (var row in rows)
        {
            row.Sequence = ++sequence;
            row.PreviousHash = previous;
            row.Hash = AuditHash.Compute(row);
            previous = row.Hash;
            db.AuditEntries.Add(row);
        }

        await head.ExecuteUpdateAsync(
            s => s.SetProperty(h => h.LastSequence, sequence).SetProperty(h => h.LastHash, previous), ct);
    }
}
