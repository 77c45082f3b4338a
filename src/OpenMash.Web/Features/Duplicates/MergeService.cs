using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Security;

namespace OpenMash.Web.Features.Duplicates;

/// <summary>
/// Merges a duplicate person into a survivor and undoes it. The survivor's own details are never changed; the
/// duplicate's contacts, relationships, involvements and addresses move to the survivor and are recorded, so that
/// unmerge puts every one back. Each runs in one transaction with its audit rows. A merge or a dismissal removes its
/// pairs from the duplicate queue in that transaction; after an unmerge both persons' pairs are compared again from
/// the person change feed (so the pair returns to the queue unless it was dismissed).
/// </summary>
public sealed class MergeService(OpenMashDbContext db, TimeProvider time)
{
    public async Task<(PersonMerge? Merge, string? Error)> MergeAsync(Guid survivorId, Guid mergedId, string reason, CancellationToken ct = default)
    {
        if (survivorId == mergedId)
        {
            return (null, "Choose two different people");
        }

        var persons = await db.Persons.Where(p => (p.Id == survivorId || p.Id == mergedId) && p.MergedIntoId == null).ToListAsync(ct);
        if (persons.Count != 2)
        {
            return (null, "Both people must exist in this hub and not already be merged");
        }

        // Joins the caller's transaction if there is one (a contact linked to an existing record as it is recorded).
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var moves = new MergeMoves([], [], [], [], [], []);

        var survivorContacts = await db.ContactSubjects.Where(s => s.PersonId == survivorId).Select(s => s.ContactId).ToListAsync(ct);
        foreach (var subject in await db.ContactSubjects.Where(s => s.PersonId == mergedId).ToListAsync(ct))
        {
            var dropped = survivorContacts.Contains(subject.ContactId);
            moves.Subjects.Add(new MovedSubject(subject.ContactId, subject.Role.ToString(), dropped));
            db.ContactSubjects.Remove(subject);
            if (!dropped)
            {
                db.ContactSubjects.Add(new ContactSubject { ContactId = subject.ContactId, PersonId = survivorId, HubId = subject.HubId, Role = subject.Role });
            }
        }

        var survivorLinks = await db.PersonRelationships.Where(r => r.PersonId == survivorId || r.RelatedPersonId == survivorId)
            .Select(r => new { r.PersonId, r.RelatedPersonId, r.Type }).ToListAsync(ct);
        foreach (var link in await db.PersonRelationships.Where(r => r.PersonId == mergedId || r.RelatedPersonId == mergedId).ToListAsync(ct))
        {
            var from = link.PersonId == mergedId ? survivorId : link.PersonId;
            var to = link.RelatedPersonId == mergedId ? survivorId : link.RelatedPersonId;
            if (from == to || survivorLinks.Any(s => s.PersonId == from && s.RelatedPersonId == to && s.Type == link.Type))
            {
                moves.RemovedRelationships.Add(new RemovedRelationship(link.Id, link.PersonId, link.RelatedPersonId, link.Type.ToString()));
                db.PersonRelationships.Remove(link);
                continue;
            }

            if (link.PersonId == mergedId)
            {
                moves.RelationshipsFrom.Add(link.Id);
            }

            if (link.RelatedPersonId == mergedId)
            {
                moves.RelationshipsTo.Add(link.Id);
            }

            link.PersonId = from;
            link.RelatedPersonId = to;
        }

        foreach (var involvement in await db.Involvements.Where(i => i.PersonId == mergedId).ToListAsync(ct))
        {
            moves.Involvements.Add(involvement.Id);
            involvement.PersonId = survivorId;
        }

        foreach (var address in await db.PersonAddresses.Where(a => a.PersonId == mergedId).ToListAsync(ct))
        {
            moves.Addresses.Add(address.Id);
            address.PersonId = survivorId;
        }

        persons.Single(p => p.Id == mergedId).MergedIntoId = survivorId;

        // The merged record leaves the duplicate queue now; the survivor's pairs are compared again from the change feed.
        db.DuplicateCandidates.RemoveRange(await db.DuplicateCandidates.Where(c => c.PersonA == mergedId || c.PersonB == mergedId).ToListAsync(ct));
        var merge = new PersonMerge
        {
            Id = Guid.NewGuid(),
            HubId = persons[0].HubId,
            SurvivorId = survivorId,
            MergedId = mergedId,
            Reason = reason.Trim(),
            MergedAtUtc = time.GetUtcNow().UtcDateTime,
            MergedByUserId = db.Actor.UserId ?? Guid.Empty,
            MovesJson = JsonSerializer.Serialize(moves),
        };
        db.PersonMerges.Add(merge);
        db.Audit(AuditActions.MergePerson, targetType: "Person", targetId: mergedId.ToString(), subjects: [survivorId, mergedId], purpose: "Duplicate review", detail: $"merged into {survivorId}");
        await db.SaveChangesAsync(ct);
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }

        return (merge, null);
    }

    public async Task<string?> UnmergeAsync(Guid mergeId, CancellationToken ct = default)
    {
        var merge = await db.PersonMerges.SingleOrDefaultAsync(m => m.Id == mergeId, ct);
        if (merge is null)
        {
            return "That merge does not exist in this hub";
        }

        if (merge.UnmergedAtUtc is not null)
        {
            return "That merge has already been undone";
        }

        if (await db.PersonMerges.AnyAsync(m => m.UnmergedAtUtc == null && m.MergedAtUtc > merge.MergedAtUtc && (m.MergedId == merge.SurvivorId || m.SurvivorId == merge.SurvivorId), ct))
        {
            return "A later merge involves the same person: undo that one first";
        }

        var moves = JsonSerializer.Deserialize<MergeMoves>(merge.MovesJson)!;
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        foreach (var moved in moves.Subjects)
        {
            var role = Enum.Parse<SubjectRole>(moved.Role);
            if (!moved.Dropped)
            {
                var survivorSubject = await db.ContactSubjects.SingleAsync(s => s.ContactId == moved.ContactId && s.PersonId == merge.SurvivorId, ct);
                db.ContactSubjects.Remove(survivorSubject);
            }

            db.ContactSubjects.Add(new ContactSubject { ContactId = moved.ContactId, PersonId = merge.MergedId, HubId = merge.HubId, Role = role });
        }

        foreach (var link in await db.PersonRelationships.Where(r => moves.RelationshipsFrom.Contains(r.Id) || moves.RelationshipsTo.Contains(r.Id)).ToListAsync(ct))
        {
            if (moves.RelationshipsFrom.Contains(link.Id))
            {
                link.PersonId = merge.MergedId;
            }

            if (moves.RelationshipsTo.Contains(link.Id))
            {
                link.RelatedPersonId = merge.MergedId;
            }
        }

        foreach (var removed in moves.RemovedRelationships)
        {
            db.PersonRelationships.Add(new PersonRelationship
            {
                Id = removed.Id,
                HubId = merge.HubId,
                PersonId = removed.PersonId,
                RelatedPersonId = removed.RelatedPersonId,
                Type = Enum.Parse<RelationshipType>(removed.Type),
            });
        }

        foreach (var involvement in await db.Involvements.Where(i => moves.Involvements.Contains(i.Id)).ToListAsync(ct))
        {
            involvement.PersonId = merge.MergedId;
        }

        foreach (var address in await db.PersonAddresses.Where(a => moves.Addresses.Contains(a.Id)).ToListAsync(ct))
        {
            address.PersonId = merge.MergedId;
        }

        var mergedPerson = await db.Persons.SingleAsync(p => p.Id == merge.MergedId, ct);
        mergedPerson.MergedIntoId = null;
        merge.UnmergedAtUtc = time.GetUtcNow().UtcDateTime;
        merge.UnmergedByUserId = db.Actor.UserId;

        // A link made at intake (by NHS number, or confirmed by a screener) is now undone: its record says so.
        foreach (var link in await db.PossibleExistingRecords.Where(r => r.MergeId == merge.Id).ToListAsync(ct))
        {
            link.Undo(db.Actor.UserId, merge.UnmergedAtUtc.Value);
        }

        db.Audit(AuditActions.UnmergePerson, targetType: "Person", targetId: merge.MergedId.ToString(), subjects: [merge.SurvivorId, merge.MergedId], purpose: "Duplicate review", detail: $"merge {merge.Id} undone");
        await db.SaveChangesAsync(ct);
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }

        return null;
    }

    public async Task DismissAsync(Guid a, Guid b, CancellationToken ct = default)
    {
        var (first, second) = NotDuplicate.Order(a, b);
        if (await db.NotDuplicates.AnyAsync(n => n.PersonA == first && n.PersonB == second, ct))
        {
            return;
        }

        db.NotDuplicates.Add(new NotDuplicate
        {
            HubId = db.Actor.RequiredHubId,
            PersonA = first,
            PersonB = second,
            DecidedByUserId = db.Actor.UserId ?? Guid.Empty,
            DecidedAtUtc = time.GetUtcNow().UtcDateTime,
        });
        db.DuplicateCandidates.RemoveRange(await db.DuplicateCandidates.Where(c => c.PersonA == first && c.PersonB == second).ToListAsync(ct));
        db.Audit(AuditActions.NotADuplicate, targetType: "Person", targetId: first.ToString(), subjects: [first, second], purpose: "Duplicate review", outcome: AuditOutcome.Allowed);
        await db.SaveChangesAsync(ct);
    }
}
