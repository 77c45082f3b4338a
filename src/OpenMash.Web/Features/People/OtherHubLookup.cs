using Microsoft.EntityFrameworkCore;
using OpenMash.Matching;
using OpenMash.Sharing;
using OpenMash.Web.Data;
using OpenMash.Web.Features.DataSharing;
using OpenMash.Web.Features.Duplicates;

namespace OpenMash.Web.Features.People;

/// <summary>
/// The one place that looks into another hub's records (and the only use of <c>IgnoreQueryFilters</c> for that).
/// It finds the same child by NHS number and by the other hub's matcher index ("likely" band only), asks the
/// <see cref="SharingGate"/> about every row (the other hub's children's social care sharing social care history
/// for safeguarding screening with the viewer's agency and hub), and audits every read of the other hub's content.
/// A live break-glass grant opens the record read-only, audited with purpose "break-glass" and the grant id.
/// </summary>
public sealed class OtherHubLookup(OpenMashDbContext db, SharingGate gate, PersonIndex index, TimeProvider time)
{
    public const int MaxSearchProbes = 10;

    /// <summary>Other hubs' records of this child, as far as the agreements (or a live grant) allow.</summary>
    public async Task<IReadOnlyList<OtherHubRecord>> ForPersonAsync(Person local, CancellationToken ct = default)
    {
        var found = new List<OtherHubRecord>();
        foreach (var hub in await OtherHubsAsync(ct))
        {
            var matches = await MatchIdsAsync(local, hub.Id, ct);
            var grant = await LiveGrantAsync(local.Id, hub.Id, ct);
            foreach (var id in matches)
            {
                if (await DecideAsync(local.Id, hub, id, grant, ct) is { } record)
                {
                    found.Add(record);
                }
            }
        }

        return found;
    }

    /// <summary>
    /// For a search: other hubs' records of the first local results, and of the NHS number searched for. Rows found
    /// only by the NHS number carry <see cref="Guid.Empty"/> as the local person.
    /// </summary>
    public async Task<IReadOnlyList<OtherHubRecord>> ForSearchAsync(IReadOnlyList<Guid> localIds, string? nhsNumber, CancellationToken ct = default)
    {
        var ids = localIds.Take(MaxSearchProbes).ToList();
        var locals = await db.Persons.AsNoTracking().Include(p => p.Addresses).Where(p => ids.Contains(p.Id)).ToListAsync(ct);
        var found = new List<OtherHubRecord>();
        var seen = new HashSet<Guid>();
        foreach (var hub in await OtherHubsAsync(ct))
        {
            // The same answers as MatchIdsAsync per person, with the NHS numbers looked up once for all of them, and
            // no grant looked up for a person with no match there: a search shows up to ten people, and this ran on
            // every search (three queries a person before).
            var numbers = locals.Where(l => !string.IsNullOrEmpty(l.NhsNumber)).Select(l => l.NhsNumber!).Distinct().ToList();
            var sameNhs = numbers.Count == 0 ? []
                : await OtherHubPersons(hub.Id).Where(p => numbers.Contains(p.NhsNumber!)).OrderBy(p => p.Id).Select(p => new { p.Id, p.NhsNumber }).ToListAsync(ct);
            foreach (var local in locals)
            {
                var matches = await MatchIdsAsync(local, hub.Id, sameNhs.Where(p => p.NhsNumber == local.NhsNumber).Select(p => p.Id).ToList(), ct);
                if (matches.Count == 0)
                {
                    continue;
                }

                var grant = await LiveGrantAsync(local.Id, hub.Id, ct);
                foreach (var id in matches)
                {
                    if (seen.Add(id) && await DecideAsync(local.Id, hub, id, grant, ct) is { } record)
                    {
                        found.Add(record);
                    }
                }
            }

            if (!string.IsNullOrWhiteSpace(nhsNumber) && Identifiers.IsValidNhsNumber(nhsNumber))
            {
                var nhs = Identifiers.Normalise(nhsNumber);
                var byNhs = await OtherHubPersons(hub.Id).Where(p => p.NhsNumber == nhs).Select(p => p.Id).ToListAsync(ct);
                foreach (var id in byNhs.Where(seen.Add))
                {
                    if (await DecideAsync(Guid.Empty, hub, id, null, ct) is { } record)
                    {
                        found.Add(record);
                    }
                }
            }
        }

        return found;
    }

    /// <summary>The other hub's persons that are this child: the same NHS number, or a "likely" match in its index. No content leaves here.</summary>
    public async Task<IReadOnlyList<Guid>> MatchIdsAsync(Person local, Guid otherHubId, CancellationToken ct = default)
    {
        if (otherHubId == db.Actor.HubId)
        {
            return [];
        }

        var sameNhs = string.IsNullOrEmpty(local.NhsNumber) ? []
            : await OtherHubPersons(otherHubId).Where(p => p.NhsNumber == local.NhsNumber).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
        return await MatchIdsAsync(local, otherHubId, sameNhs, ct);
    }

    /// <summary>As above, with the other hub's persons of the same NHS number already found (in id order).</summary>
    private async Task<IReadOnlyList<Guid>> MatchIdsAsync(Person local, Guid otherHubId, List<Guid> sameNhs, CancellationToken ct)
    {
        if (otherHubId == db.Actor.HubId)
        {
            return [];
        }

        var ids = new List<Guid>(sameNhs);
        foreach (var candidate in await index.FindInHubAsync(db, otherHubId, PersonIndex.ToRecord(local), 5, ct))
        {
            if (candidate.Band == MatchBand.Likely && Guid.TryParse(candidate.Id, out var id) && !ids.Contains(id))
            {
                ids.Add(id);
            }
        }

        if (ids.Count == 0)
        {
            return [];
        }

        // The index may lag a merge or a removal by one save: keep only live persons of that hub.
        var live = await OtherHubPersons(otherHubId).Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        return ids.Where(live.Contains).ToList();
    }

    public async Task<IReadOnlyList<(Guid Id, string Name)>> OtherHubsAsync(CancellationToken ct = default)
    {
        var mine = db.Actor.HubId;
        var hubs = await db.Hubs.AsNoTracking().Where(h => h.Id != mine).OrderBy(h => h.Name).Select(h => new { h.Id, h.Name }).ToListAsync(ct);
        return hubs.Select(h => (h.Id, h.Name)).ToList();
    }

    private Task<BreakGlassGrant?> LiveGrantAsync(Guid localId, Guid owningHubId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var user = db.Actor.UserId;
        return db.Set<BreakGlassGrant>().AsNoTracking()
            .Where(g => g.UserId == user && g.PersonId == localId && g.OwningHubId == owningHubId && g.ExpiresAtUtc > now)
            .OrderByDescending(g => g.ExpiresAtUtc).FirstOrDefaultAsync(ct);
    }

    private IQueryable<Person> OtherHubPersons(Guid hubId) =>
        db.Persons.IgnoreQueryFilters().AsNoTracking().Where(p => p.HubId == hubId && p.MergedIntoId == null);

    private async Task<OtherHubRecord?> DecideAsync(Guid localId, (Guid Id, string Name) hub, Guid otherId, BreakGlassGrant? grant, CancellationToken ct)
    {
        var subjects = localId == Guid.Empty ? new[] { otherId } : [localId, otherId];
        var source = await (from ah in db.AgencyHubs.AsNoTracking()
                            where ah.HubId == hub.Id && ah.Agency.Type == AgencyType.ChildrensSocialCare
                            orderby ah.Agency.IsLeadSafeguardingPartner descending, ah.Agency.Name
                            select new { ah.Agency.Id, ah.Agency.Name }).FirstOrDefaultAsync(ct);
        if (source is null)
        {
            return null;
        }

        var verdict = await gate.DecideAsync(
            new ShareRequest(source.Id, source.Name, hub.Id, DataCategory.SocialCareHistory, SharingPurpose.SafeguardingScreening, "Person", otherId.ToString(), subjects),
            ct: ct);
        // A grant opens only the records it named when it was made (and that the owning hub's managers were told of),
        // not whatever the matcher finds later.
        if (grant is not null && !grant.MatchedIds.Contains(otherId))
        {
            grant = null;
        }

        if (!verdict.MaySeeContent && grant is null)
        {
            return verdict.MayKnowExists
                ? new OtherHubRecord(localId, hub.Id, hub.Name, OtherHubAccess.ExistenceOnly, verdict.WhyNot)
                : null;
        }

        var person = await OtherHubPersons(hub.Id).Where(p => p.Id == otherId).SingleAsync(ct);
        var contacts = await (from s in db.ContactSubjects.IgnoreQueryFilters().AsNoTracking()
                              join c in db.Contacts.IgnoreQueryFilters().AsNoTracking() on s.ContactId equals c.Id
                              where s.PersonId == otherId && s.HubId == hub.Id && c.HubId == hub.Id
                              orderby c.ReceivedAtUtc descending
                              select new { c.Id, c.Reference, c.ReceivedAtUtc, c.State }).ToListAsync(ct);
        var contactIds = contacts.Select(c => c.Id).ToList();
        var outcomes = await db.Decisions.IgnoreQueryFilters().AsNoTracking()
            .Where(d => d.HubId == hub.Id && contactIds.Contains(d.ContactId) && d.Status == DecisionStatus.Approved)
            .Select(d => new { d.ContactId, d.Outcome }).ToListAsync(ct);
        var viaGrant = !verdict.MaySeeContent;
        db.Audit(
            AuditActions.ViewOtherHubPerson,
            targetType: "Person",
            targetId: otherId.ToString(),
            subjects: subjects,
            purpose: viaGrant ? "break-glass" : SharingPurpose.SafeguardingScreening.ToString(),
            detail: viaGrant ? $"break-glass grant {grant!.Id}; owning hub {hub.Id}" : $"by agreement; owning hub {hub.Id}");
        return new OtherHubRecord(
            localId,
            hub.Id,
            hub.Name,
            viaGrant ? OtherHubAccess.BreakGlass : OtherHubAccess.Content,
            verdict.WhyNot,
            person.Id,
            person.FullName,
            person.DateOfBirth,
            person.NhsNumber,
            contacts.Select(c => new OtherHubContact(c.Id, c.Reference, c.ReceivedAtUtc,
                outcomes.FirstOrDefault(o => o.ContactId == c.Id)?.Outcome.DisplayName() ?? c.State.DisplayName())).ToList(),
            viaGrant ? grant : null);
    }
}
