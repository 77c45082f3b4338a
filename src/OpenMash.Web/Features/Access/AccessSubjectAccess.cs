using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Shared.SubjectAccess;
using static OpenMash.Web.Features.Shared.SubjectAccess.SubjectAccessBuilder;

namespace OpenMash.Web.Features.Access;

/// <summary>
/// Emergency (break-glass) access to the person's records, and every read of them by the other hub (a DPA 2018
/// s62-style record of disclosures outside the hub: when, by which organisation, and why).
/// </summary>
public sealed class AccessSubjectAccess(OpenMashDbContext db) : ISubjectAccessSection
{
    public int Order => 900;

    public IReadOnlyDictionary<Type, string> Covers { get; } = new Dictionary<Type, string>
    {
        [typeof(BreakGlassGrant)] = "Emergency access to your records",
        [typeof(AccessNotice)] = "Emergency access to your records (the notice repeats the grant)",
    };

    public async Task AddAsync(SubjectAccessBuilder sar, CancellationToken ct)
    {
        var personId = sar.PersonId;
        var grants = await db.Set<BreakGlassGrant>().AsNoTracking().Where(g => g.PersonId == personId).OrderBy(g => g.GrantedAtUtc).ToListAsync(ct);
        var matched = personId.ToString();
        grants.AddRange(await db.Set<BreakGlassGrant>().AsNoTracking().Where(g => g.MatchedPersonIds != null && g.MatchedPersonIds.Contains(matched)).ToListAsync(ct));
        sar.Add("Emergency access to your records", grants.Select(g =>
        {
            var heading = $"Emergency access {Time(g.GrantedAtUtc)}";
            sar.Redactions.Add(new("The requesting practitioner's explanation", "Emergency access to your records: " + heading,
                "Free text written by the requesting hub's staff, which may name other people; the reason, dates and hub are given"));
            return new SarEntry(heading, [
                new("Reason", g.Reason.DisplayName()), new("Explanation", "Recorded, withheld"), new("Until", Time(g.ExpiresAtUtc)),
                new("Asked for by", sar.Hubs.GetValueOrDefault(g.HubId) ?? "Unknown")]);
        }).ToList());

        var key = personId.ToString();
        var disclosures = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == AuditActions.ViewOtherHubPerson && e.TargetId == key).OrderBy(e => e.Sequence).Take(500).ToListAsync(ct);
        sar.Add("Your information read by the other hub", disclosures.Select(d => new SarEntry($"Read {Time(d.OccurredAtUtc)}", [
            new("By", (d.AgencyId is { } a ? sar.Agencies.GetValueOrDefault(a) : null) ?? "Unknown organisation"),
            new("Hub", (d.HubId is { } h ? sar.Hubs.GetValueOrDefault(h) : null) ?? "Unknown"),
            new("Why", d.Purpose == "break-glass" ? "Emergency (break-glass) access" : "Under a data sharing agreement, for safeguarding screening")])).ToList());
    }
}
