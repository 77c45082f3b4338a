using Microsoft.EntityFrameworkCore;
using OpenMash.Sharing;
using OpenMash.Web.Data;
using SharingAgency = OpenMash.Sharing.Agency;

namespace OpenMash.Web.Features.DataSharing;

/// <summary>
/// The compiled sharing policy for this application instance, refreshed when the revision in the database moves.
/// Decisions fail closed: with no policy loaded, or a load that failed, everything is refused. The revision is read
/// once per scope (one request), so a page that decides for many rows costs one query, and a revocation still takes
/// effect on the next request.
/// </summary>
public sealed class SharingPolicyService(OpenMashDbContext db, PolicyHolder holder, TimeProvider time)
{
    private bool _refreshedInThisScope;

    public async Task<SharingDecision> DecideAsync(
        Guid sourceAgency, Guid sourceHub, Guid destinationAgency, Guid destinationHub, DataCategory category, SharingPurpose purpose, CancellationToken ct = default)
    {
        if (!_refreshedInThisScope)
        {
            await RefreshAsync(ct);
        }

        return holder.Decide(new SharingRequest(
            new AgencyId(sourceAgency), new HubId(sourceHub), new AgencyId(destinationAgency), new HubId(destinationHub), category, purpose, time.GetUtcNow()));
    }

    public async Task<PolicyHolderStatus> RefreshAsync(CancellationToken ct = default)
    {
        _refreshedInThisScope = true;
        var revision = await db.SharingPolicyRevisions.AsNoTracking().Where(r => r.Id == SharingPolicyRevision.SingletonId).Select(r => (long?)r.Revision).SingleOrDefaultAsync(ct);
        if (revision is null)
        {
            holder.MarkUnavailable(null, new InvalidOperationException("The sharing policy revision row is missing."));
            return holder.Status;
        }

        return await holder.RefreshAsync(revision.Value, LoadAsync, ct);
    }

    private async ValueTask<SharingPolicyInputs> LoadAsync(CancellationToken ct)
    {
        // The task group reader calls the gate inside its own transaction: join it rather than fail to nest one,
        // which would mark the policy unavailable and show nothing.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var revision = await db.SharingPolicyRevisions.AsNoTracking().Where(r => r.Id == SharingPolicyRevision.SingletonId).Select(r => r.Revision).SingleAsync(ct);
        var agencies = await db.Agencies.AsNoTracking().Select(a => new { a.Id, a.Type }).ToListAsync(ct);
        var rows = await db.DataSharingAgreements.AsNoTracking().ToListAsync(ct);
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }

        return new SharingPolicyInputs(
            revision,
            agencies.Select(a => new SharingAgency(new AgencyId(a.Id), a.Type)).ToList(),
            Honoured(rows).Select(ToAgreement).ToList());
    }

    /// <summary>
    /// The newest version of each agreement, and only while approved: a proposal waiting for the data owner, a
    /// declined one and an ended one are never honoured (a pending newer version does not revive an older one either).
    /// </summary>
    public static IEnumerable<DataSharingAgreement> Honoured(IEnumerable<DataSharingAgreement> rows) =>
        rows.GroupBy(r => r.Id).Select(g => g.MaxBy(r => r.Version)!).Where(r => r.IsHonoured);

    /// <summary>One side of an agreement: a named agency, or any agency of a type.</summary>
    private static PartySelector Party(Guid? agency, AgencyType? type) => (agency, type) switch
    {
        ({ } id, _) => PartySelector.ForAgency(new AgencyId(id)),
        (null, { } anyOf) => PartySelector.ForType(anyOf),
        _ => throw new InvalidOperationException("An agreement's side names an agency or a type of agency."),
    };

    public static SharingAgreement ToAgreement(DataSharingAgreement r) => new(
        new AgreementId(r.Id),
        r.Version,
        r.Effect,
        Party(r.SourceAgencyId, r.SourceAgencyType),
        Party(r.DestinationAgencyId, r.DestinationAgencyType),
        new HubId(r.SourceHubId),
        new HubId(r.DestinationHubId),
        r.Category,
        r.Purpose,
        r.Mode,
        new DateTimeOffset(DateTime.SpecifyKind(r.ValidFromUtc, DateTimeKind.Utc)),
        r.ValidUntilUtc is { } until ? new DateTimeOffset(DateTime.SpecifyKind(until, DateTimeKind.Utc)) : null);

}
