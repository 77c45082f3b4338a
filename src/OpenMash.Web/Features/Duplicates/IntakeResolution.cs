using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;

namespace OpenMash.Web.Features.Duplicates;

/// <summary>
/// Is a person described in a new contact someone the hub already knows? Asked on every intake path (the intake
/// pages, a referrer's form, the API) by <c>ContactService</c>, inside the contact's transaction:
/// an existing record with the same NHS number and the same date of birth is linked at once (the contact's record is
/// merged into it, undoably); other likely or possible records are kept as <see cref="PossibleExistingRecord"/>s for
/// the screener to confirm or reject. Nothing is created as new in silence while a likely match exists.
/// </summary>
public sealed class IntakeResolution(OpenMashDbContext db, PossibleMatches matcher, MergeService merges, PersonIndex index, TimeProvider time)
{
    /// <summary>At most this many existing records are put to the screener for one person.</summary>
    public const int MaxSuggestions = 3;

    /// <summary>
    /// Asks the matcher about each described person before anything is saved (so the index reads only committed
    /// records). Persons the user already linked or already reviewed suggestions for are not asked about again.
    /// </summary>
    public async Task<IReadOnlyList<IReadOnlyList<PossibleMatch>>> FindAsync(IReadOnlyList<NewPerson> people, CancellationToken ct)
    {
        var found = new List<IReadOnlyList<PossibleMatch>>(people.Count);
        foreach (var person in people)
        {
            found.Add(person.ExistingPersonId is null && !person.MatchesReviewed ? await matcher.FindAsync(person, ct) : []);
        }

        return found;
    }

    /// <summary>
    /// After the contact and its new persons are saved (same transaction): links each to an existing record of the same
    /// NHS number and date of birth, or records the likely and possible ones for the screener.
    /// </summary>
    /// <param name="created">Each described person with the record made for it, and what <see cref="FindAsync"/> found.</param>
    public async Task ResolveAsync(Contact contact, IReadOnlyList<(NewPerson Described, Person Created, IReadOnlyList<PossibleMatch> Matches)> created, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var ownRecords = contact.Subjects.Select(s => s.PersonId).ToHashSet();
        foreach (var (described, person, matches) in created)
        {
            var candidates = matches.Where(m => !ownRecords.Contains(m.Person.Id)).ToList();
            if (candidates.FirstOrDefault(m => SameIdentity(person, m.Person)) is { } same)
            {
                var reason = "Linked when the contact arrived: the same NHS number and date of birth as this existing record";
                var (merge, _) = await merges.MergeAsync(same.Person.Id, person.Id, reason, ct);
                if (merge is not null)
                {
                    db.PossibleExistingRecords.Add(PossibleExistingRecord.LinkedByIdentifier(contact.HubId, contact.Id, person.Id, same.Person.Id, same.Match.Probability, merge.Id, now));
                    continue;
                }

                // Not linked (the existing record was merged into another meanwhile): it goes to the screener instead.
            }

            foreach (var candidate in candidates.Take(MaxSuggestions))
            {
                db.PossibleExistingRecords.Add(PossibleExistingRecord.Suggest(contact.HubId, contact.Id, person.Id, candidate.Person.Id, candidate.Match.Probability, now));
            }
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>The screener confirms: the contact's record is merged into the existing one, and the person's other open suggestions are closed.</summary>
    public async Task<string?> ConfirmAsync(PossibleExistingRecord record, CancellationToken ct = default)
    {
        if (!record.IsOpen)
        {
            return "This suggestion has already been decided";
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (merge, error) = await merges.MergeAsync(record.CandidateId, record.PersonId, "Confirmed at screening: the person in this contact is the existing record", ct);
        if (merge is null)
        {
            return error;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var tracked = await db.PossibleExistingRecords.SingleAsync(r => r.Id == record.Id, ct);
        tracked.Confirm(db.Actor.UserId, merge.Id, now);
        foreach (var other in await db.PossibleExistingRecords.Where(r => r.PersonId == record.PersonId && r.Id != record.Id && r.State == PossibleRecordState.Open).ToListAsync(ct))
        {
            other.Reject(db.Actor.UserId, now);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return null;
    }

    /// <summary>The screener rejects: a different person; the pair is also kept out of the duplicate queue.</summary>
    public async Task<string?> RejectAsync(PossibleExistingRecord record, CancellationToken ct = default)
    {
        if (!record.IsOpen)
        {
            return "This suggestion has already been decided";
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var tracked = await db.PossibleExistingRecords.SingleAsync(r => r.Id == record.Id, ct);
        tracked.Reject(db.Actor.UserId, time.GetUtcNow().UtcDateTime);
        await merges.DismissAsync(record.PersonId, record.CandidateId, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return null;
    }

    /// <summary>Undoes a link (automatic or confirmed): the merge is undone, and the contact has its own record again.</summary>
    public async Task<string?> UndoAsync(PossibleExistingRecord record, CancellationToken ct = default) =>
        record is { IsLinked: true, MergeId: { } mergeId } ? await merges.UnmergeAsync(mergeId, ct) : "Only a linked record can be unlinked";

    /// <summary>
    /// The contact's suggestions the screener should see: open ones (with the match as it stands now, the same
    /// probability the suggestion's own page shows) and links made, so that an automatic link is never invisible.
    /// </summary>
    public async Task<IReadOnlyList<ContactSuggestion>> ForContactAsync(Guid contactId, CancellationToken ct = default)
    {
        var records = await db.PossibleExistingRecords.AsNoTracking()
            .Where(r => r.ContactId == contactId && r.State != PossibleRecordState.Rejected && r.State != PossibleRecordState.Undone)
            .OrderBy(r => r.SuggestedAtUtc).ToListAsync(ct);
        var ids = records.SelectMany(r => new[] { r.PersonId, r.CandidateId }).Distinct().ToList();
        var persons = await db.Persons.AsNoTracking().Include(p => p.Addresses).Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var found = new List<ContactSuggestion>();
        foreach (var r in records.Where(r => persons.ContainsKey(r.PersonId) && persons.ContainsKey(r.CandidateId)))
        {
            var (described, existing) = (persons[r.PersonId], persons[r.CandidateId]);
            found.Add(new ContactSuggestion(r, described, existing, r.IsOpen ? await index.CompareAsync(db, described, existing, ct) : null));
        }

        return found;
    }

    /// <summary>The same child beyond reasonable doubt: a valid NHS number equal on both, and the same known date of birth.</summary>
    public static bool SameIdentity(Person described, Person existing) =>
        described.NhsNumber is { } nhs && Identifiers.IsValidNhsNumber(nhs) && nhs == existing.NhsNumber
        && described.DateOfBirth is { } dob && dob == existing.DateOfBirth;
}
