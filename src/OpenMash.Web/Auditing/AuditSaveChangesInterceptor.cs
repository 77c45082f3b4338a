using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using OpenMash.Web.Data;

namespace OpenMash.Web.Auditing;

/// <summary>
/// Writes the audit rows of every save in the same transaction as the save: one row per created, changed or deleted
/// record (names of changed fields, never their values) and the rows queued with <see cref="OpenMashDbContext.Audit"/>.
/// The work is saved first, then the rows are appended to the hash chain, so the chain head is locked only for the
/// audit insert and the commit (docs/adr/0003-audit-chain.md). If the audit write fails, the save fails.
/// </summary>
public sealed class AuditSaveChangesInterceptor : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, SaveInProgress> _saves = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not OpenMashDbContext db || _saves.TryGetValue(db, out _))
        {
            return result;
        }

        var rows = DescribeChanges(db);
        rows.AddRange(db.PendingAudit.TakeAll());
        if (rows.Count == 0)
        {
            return result;
        }

        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        _saves.AddOrUpdate(db, new SaveInProgress(rows, own));
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not OpenMashDbContext db || !_saves.TryGetValue(db, out var save) || save.Appending)
        {
            return result;
        }

        try
        {
            save.Appending = true;
            await AuditChain.AppendAsync(db, save.Rows, cancellationToken);
            await db.SaveChangesAsync(true, cancellationToken);
            foreach (var row in save.Rows)
            {
                db.Entry(row).State = EntityState.Detached;
            }

            if (save.OwnTransaction is not null)
            {
                await save.OwnTransaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            await EndAsync(db, save);
        }

        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is OpenMashDbContext db && _saves.TryGetValue(db, out var save) && !save.Appending)
        {
            await EndAsync(db, save);
        }
    }

    private async Task EndAsync(DbContext db, SaveInProgress save)
    {
        _saves.Remove(db);
        if (save.OwnTransaction is not null)
        {
            await save.OwnTransaction.DisposeAsync();
        }
    }

    private static List<AuditEntry> DescribeChanges(OpenMashDbContext db)
    {
        var rows = new List<AuditEntry>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            // Bookkeeping rows (the person change feed, the duplicate queue) are derived by the system from changes
            // that are themselves audited here; describing them too would only repeat those rows. A form's one-use
            // token claim holds no personal data and is not a change to a record.
            if (entry.Entity is AuditEntry or AuditChainHead or IBookkeeping or FormSubmission
                || entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            var changed = entry.State == EntityState.Modified
                ? string.Join(',', entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name))
                : null;
            var subjects = entry.Entity is IAuditSubjects s ? s.AuditSubjects : null;
            var type = entry.Metadata.ClrType.Name;
            rows.Add(db.PendingAudit.NewEntry(
                db.Actor, AuditActions.Changed(entry.State, type), AuditOutcome.Allowed, type, KeyOf(entry), subjects, purpose: null,
                changed is null ? null : "fields: " + changed));
        }

        return rows;
    }

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        return key is null ? string.Empty : string.Join('/', key.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));
    }

    private sealed class SaveInProgress(List<AuditEntry> rows, IDbContextTransaction? ownTransaction)
    {
        public List<AuditEntry> Rows { get; } = rows;

        public IDbContextTransaction? OwnTransaction { get; } = ownTransaction;

        public bool Appending { get; set; }
    }
}
