using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Shared;
using OpenMash.Web.Security;

namespace OpenMash.Web.Features.Screening;

/// <summary>A worker a contact can be allocated to: a screening social worker of the hub whose account is active.</summary>
public sealed record HubWorker(Guid Id, string Name);

/// <summary>One worker's share of the open contacts, for the team workload.</summary>
public sealed record WorkerLoad(Guid Id, string Name, int Open, int Overdue);

/// <summary>
/// The hub's open contacts as the screening queue, "my work" and the team workload show them, and allocation.
/// Every query is filtered to the signed-in user's hub (the context's hub filter); allocation refuses another hub's worker.
/// </summary>
public sealed class ContactQueue(OpenMashDbContext db, TimeProvider time)
{
    /// <summary>Screening social workers of this hub with an active account, by name.</summary>
    public async Task<IReadOnlyList<HubWorker>> WorkersAsync(CancellationToken ct = default)
    {
        var hubId = db.Actor.HubId;
        return await (from u in db.Users
                      join ur in db.UserRoles on u.Id equals ur.UserId
                      join r in db.Roles on ur.RoleId equals r.Id
                      where u.HubId == hubId && !u.IsDisabled && r.Name == Roles.ScreeningSocialWorker
                      orderby u.DisplayName
                      select new HubWorker(u.Id, u.DisplayName))
            .Distinct()
            .ToListAsync(ct);
    }

    /// <summary>
    /// Open contacts narrowed by <paramref name="filter"/>, the one due first at the top and, at the same due time,
    /// the most urgent (red, then amber, then green or not rated), then the one received first.
    /// </summary>
    public async Task<IReadOnlyList<QueueRow>> RowsAsync(QueueFilter filter, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var query = db.Contacts.AsNoTracking().Where(c => c.State != ContactState.Decided);
        if (filter.States.Count > 0)
        {
            var states = filter.States.ToList();
            query = query.Where(c => states.Contains(c.State));
        }

        if (filter.Rags.Count > 0)
        {
            var rated = filter.Rags.OfType<RagRating>().ToList();
            var unrated = filter.Rags.Contains(null);
            query = query.Where(c => (c.Rag != null && rated.Contains(c.Rag.Value)) || (unrated && c.Rag == null));
        }

        if (filter.AllocatedTo is { } worker)
        {
            query = query.Where(c => c.AllocatedToUserId == worker);
        }
        else if (filter.Unallocated)
        {
            query = query.Where(c => c.AllocatedToUserId == null);
        }

        if (filter.Source is { } source)
        {
            query = query.Where(c => c.ReferralSource == source);
        }

        if (filter.OverdueOnly)
        {
            query = query.Where(c => c.DecisionDueUtc != null && c.DecisionDueUtc < now);
        }

        var open = await query
            .Select(c => new { c.Id, c.Reference, c.ReceivedAtUtc, c.State, c.Rag, c.DecisionDueUtc, c.ConcernCategories, c.ReferralSource, c.Channel, c.AllocatedToUserId })
            .ToListAsync(ct);
        var ids = open.Select(c => c.Id).ToList();
        var childText = await ChildLabels.ForContactsAsync(db, ids, CaseDisplay.UkToday(now), ct);
        var workerIds = open.Select(c => c.AllocatedToUserId).OfType<Guid>().Distinct().ToList();
        var names = await db.Users.Where(u => workerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var mayBeKnown = (await db.PossibleExistingRecords.Where(r => r.State == PossibleRecordState.Open && ids.Contains(r.ContactId)).Select(r => r.ContactId).Distinct().ToListAsync(ct)).ToHashSet();

        return open
            .OrderBy(c => c.DecisionDueUtc ?? c.ReceivedAtUtc)
            .ThenBy(c => Urgency(c.Rag))
            .ThenBy(c => c.ReceivedAtUtc)
            .ThenBy(c => c.Reference, StringComparer.Ordinal)
            .Select(c => new QueueRow(
                c.Id,
                c.Reference,
                childText.GetValueOrDefault(c.Id) ?? [],
                c.ConcernCategories.Count == 0 ? "None recorded" : string.Join(", ", c.ConcernCategories.Select(k => k.DisplayName())),
                c.ReceivedAtUtc,
                c.State,
                c.Rag,
                c.DecisionDueUtc,
                CaseDisplay.TimeLeft(c.DecisionDueUtc, now),
                c.DecisionDueUtc < now,
                $"{c.ReferralSource.DisplayName()}, {c.Channel.HowItCame()}",
                c.AllocatedToUserId,
                c.AllocatedToUserId is { } a ? names.GetValueOrDefault(a) : null,
                mayBeKnown.Contains(c.Id)))
            .ToList();
    }

    /// <summary>Each worker's open and overdue allocated contacts (every worker of the hub, also those with none), and the unallocated count.</summary>
    public async Task<(IReadOnlyList<WorkerLoad> Workers, int Unallocated, int UnallocatedOverdue)> WorkloadAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var counts = await db.Contacts
            .Where(c => c.State != ContactState.Decided)
            .GroupBy(c => c.AllocatedToUserId)
            .Select(g => new { WorkerId = g.Key, Open = g.Count(), Overdue = g.Count(c => c.DecisionDueUtc != null && c.DecisionDueUtc < now) })
            .ToListAsync(ct);
        var workers = (await WorkersAsync(ct)).ToList();
        // Someone no longer a screener (or disabled) may still hold contacts: they stay on the list until reallocated.
        var others = counts.Select(c => c.WorkerId).OfType<Guid>().Where(id => workers.All(w => w.Id != id)).ToList();
        workers.AddRange(await db.Users.Where(u => others.Contains(u.Id)).Select(u => new HubWorker(u.Id, u.DisplayName)).ToListAsync(ct));
        var loads = workers
            .Select(w => counts.FirstOrDefault(c => c.WorkerId == w.Id) is { } c ? new WorkerLoad(w.Id, w.Name, c.Open, c.Overdue) : new WorkerLoad(w.Id, w.Name, 0, 0))
            .OrderBy(w => w.Name, StringComparer.Ordinal)
            .ToList();
        var none = counts.FirstOrDefault(c => c.WorkerId == null);
        return (loads, none?.Open ?? 0, none?.Overdue ?? 0);
    }

    /// <summary>
    /// Allocates <paramref name="contact"/> to <paramref name="workerId"/>, with its history row and audit row in the
    /// same save. Returns why it was refused (in words), or null when it was allocated.
    /// </summary>
    public async Task<string?> AllocateAsync(Contact contact, Guid workerId, CancellationToken ct = default)
    {
        var worker = await db.Users.SingleOrDefaultAsync(u => u.Id == workerId, ct);
        var refusal = worker is null ? "There is no such worker"
            : contact.IsDecided ? "This contact has been decided, so it can no longer be allocated"
            : worker.HubId != contact.HubId ? "A contact can only be allocated to a worker of its own hub"
            : worker.IsDisabled ? "This worker's account is disabled"
            : (await WorkersAsync(ct)).All(w => w.Id != worker.Id) ? "A contact can only be allocated to a screening social worker of the hub"
            : contact.AllocatedToUserId == worker.Id ? $"This contact is already allocated to {worker.DisplayName}"
            : null;
        if (refusal is not null)
        {
            await RefuseAllocationAsync(contact, $"{refusal} (asked for user {workerId})", ct);
            return refusal;
        }

        var allocation = contact.Allocate(worker!, db.Actor.UserId ?? Guid.Empty, time.GetUtcNow().UtcDateTime);
        db.ContactAllocations.Add(allocation);
        var from = allocation.FromUserId is { } previous ? await db.Users.Where(u => u.Id == previous).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) : null;
        db.Audit(AuditActions.AllocateContact, targetType: "Contact", targetId: contact.Id.ToString(), subjects: contact.AuditSubjects, purpose: "Screening",
            detail: from is null ? $"Allocated to {worker!.DisplayName}" : $"Reallocated from {from} to {worker!.DisplayName}");
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Records a refused allocation (audited, naming the children) and returns the reason to show.</summary>
    public async Task<string> RefuseAllocationAsync(Contact contact, string why, CancellationToken ct = default)
    {
        db.Audit(AuditActions.AllocateContact, AuditOutcome.Refused, nameof(Contact), contact.Id.ToString(), contact.AuditSubjects, "Screening", why);
        await db.SaveChangesAsync(ct);
        return why;
    }

    private static int Urgency(RagRating? rag) => rag switch { RagRating.Red => 0, RagRating.Amber => 1, _ => 2 };
}
