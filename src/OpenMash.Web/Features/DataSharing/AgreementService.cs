using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;

namespace OpenMash.Web.Features.DataSharing;

/// <summary>Adds and revokes agreement versions; each change moves the policy revision in the same transaction.</summary>
public sealed class AgreementService(OpenMashDbContext db, TimeProvider time)
{
    public async Task<DataSharingAgreement> AddAsync(DataSharingAgreement agreement, CancellationToken ct = default)
    {
        agreement.Id = agreement.Id == Guid.Empty ? Guid.NewGuid() : agreement.Id;
        agreement.Version = 1;
        agreement.RecordedAtUtc = time.GetUtcNow().UtcDateTime;
        agreement.RecordedByUserId = db.Actor.UserId;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.DataSharingAgreements.Add(agreement);
        await SharingPolicyRevisions.BumpAsync(db, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return agreement;
    }

    /// <summary>Ends the agreement now by adding a version valid until this moment; it stops sharing on the next request.</summary>
    public async Task<bool> RevokeAsync(Guid id, Guid adminHub, CancellationToken ct = default)
    {
        var current = await db.DataSharingAgreements.AsNoTracking().Where(a => a.Id == id).OrderByDescending(a => a.Version).FirstOrDefaultAsync(ct);
        if (current is null || (current.SourceHubId != adminHub && current.DestinationHubId != adminHub))
        {
            return false;
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        current.Version++;
        current.ValidUntilUtc = current.ValidUntilUtc is { } until && until < now ? until : now;
        current.ValidFromUtc = current.ValidFromUtc > current.ValidUntilUtc ? current.ValidUntilUtc.Value : current.ValidFromUtc;
        current.RecordedAtUtc = now;
        current.RecordedByUserId = db.Actor.UserId;
        db.DataSharingAgreements.Add(current);
        await SharingPolicyRevisions.BumpAsync(db, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>The newest version of each agreement that involves this hub.</summary>
    public async Task<List<DataSharingAgreement>> CurrentForHubAsync(Guid hubId, CancellationToken ct = default)
    {
        var rows = await db.DataSharingAgreements.AsNoTracking().Where(a => a.SourceHubId == hubId || a.DestinationHubId == hubId).ToListAsync(ct);
        return rows.GroupBy(r => r.Id).Select(g => g.MaxBy(r => r.Version)!).OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
    }

}
