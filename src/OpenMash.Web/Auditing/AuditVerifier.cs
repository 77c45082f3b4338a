using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;

namespace OpenMash.Web.Auditing;

/// <summary>Walks the whole chain in sequence order and recomputes every hash.</summary>
public static class AuditVerifier
{
    public static async Task<AuditVerification> VerifyAsync(OpenMashDbContext db, CancellationToken ct = default)
    {
        long expected = 1;
        var previous = AuditChainHead.GenesisHash;
        await foreach (var row in db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (row.Sequence != expected)
            {
                return new(expected - 1, expected, $"row {expected} is missing (next row found is {row.Sequence})");
            }

            if (!string.Equals(row.PreviousHash, previous, StringComparison.Ordinal))
            {
                return new(expected - 1, row.Sequence, $"row {row.Sequence} does not follow the row before it");
            }

            if (!string.Equals(AuditHash.Compute(row), row.Hash, StringComparison.Ordinal))
            {
                return new(expected - 1, row.Sequence, $"row {row.Sequence} was altered after it was written");
            }

            previous = row.Hash;
            expected++;
        }

        var head = await db.AuditChainHeads.AsNoTracking().SingleOrDefaultAsync(h => h.Id == AuditChainHead.SingletonId, ct);
        if (head is null)
        {
            return new(expected - 1, expected, "the chain head is missing");
        }

        if (head.LastSequence != expected - 1 || !string.Equals(head.LastHash, previous, StringComparison.Ordinal))
        {
            var last = expected - 1;
            return head.LastSequence > last
                ? new(last, last + 1, $"the chain ends at row {last} but {head.LastSequence} rows were written: rows were removed from the end")
                : new(last, head.LastSequence + 1, $"rows after {head.LastSequence} were added outside the application");
        }

        return new(expected - 1, null, null);
    }
}
