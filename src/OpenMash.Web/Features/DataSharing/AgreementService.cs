using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Security;

namespace OpenMash.Web.Features.DataSharing;

/// <summary>
/// Proposes and changes agreement versions. An agreement takes effect only when its data owner (the source hub)
/// approves it; each change needs a reason, tells the other side's administrators and IG officers (a notice on their
/// agreements page and a queued e-mail), is audited, and moves the policy revision in the same transaction.
/// </summary>
public sealed class AgreementService(OpenMashDbContext db, TimeProvider time)
{
    public const string NoticeKind = MessageKinds.AgreementNotice;

    /// <summary>What a change did: the version written and how many people on the other side were told.</summary>
    public sealed record Outcome(DataSharingAgreement Agreement, string ToldHub, int EmailsQueued);

    /// <summary>Proposes a new agreement from the signed-in user's hub: in force at once only when that hub owns the data.</summary>
    public async Task<Outcome> ProposeAsync(DataSharingAgreement agreement, string reason, CancellationToken ct = default)
    {
        var hub = ActorHub;
        agreement.Propose(hub, db.Actor.UserId, reason, Now);
        return await SaveAsync(agreement, hub, null, AuditActions.ProposeAgreement, ct);
    }

    /// <summary>Proposes an agreement with a recorded reason, for callers without a form (tests, command verbs); the same rules apply.</summary>
    public async Task<DataSharingAgreement> AddAsync(DataSharingAgreement agreement, string reason = "Added without a form", CancellationToken ct = default) =>
        (await ProposeAsync(agreement, reason, ct)).Agreement;

    /// <summary>Applies one change by the signed-in user's hub to the newest version; null when the agreement does not involve that hub.</summary>
    public async Task<Outcome?> ChangeAsync(Guid id, AgreementChange change, string reason, CancellationToken ct = default)
    {
        var hub = ActorHub;
        var current = await CurrentAsync(id, ct);
        if (current is null || !current.Involves(hub))
        {
            return null;
        }

        var next = current.Apply(change, hub, db.Actor.UserId, reason, Now);
        return await SaveAsync(next, hub, change, AuditActions.For(change), ct);
    }

    /// <summary>The newest version of one agreement, or null.</summary>
    public Task<DataSharingAgreement?> CurrentAsync(Guid id, CancellationToken ct = default) =>
        db.DataSharingAgreements.AsNoTracking().Where(a => a.Id == id).OrderByDescending(a => a.Version).FirstOrDefaultAsync(ct);

    /// <summary>Every version of one agreement, oldest first.</summary>
    public Task<List<DataSharingAgreement>> HistoryAsync(Guid id, CancellationToken ct = default) =>
        db.DataSharingAgreements.AsNoTracking().Where(a => a.Id == id).OrderBy(a => a.Version).ToListAsync(ct);

    /// <summary>The newest version of each agreement that involves this hub.</summary>
    public async Task<List<DataSharingAgreement>> CurrentForHubAsync(Guid hubId, CancellationToken ct = default)
    {
        var rows = await db.DataSharingAgreements.AsNoTracking().Where(a => a.SourceHubId == hubId || a.DestinationHubId == hubId).ToListAsync(ct);
        return rows.GroupBy(r => r.Id).Select(g => g.MaxBy(r => r.Version)!).OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Notices to this hub about the other side's changes, newest first.</summary>
    public Task<List<AgreementNotice>> NoticesAsync(CancellationToken ct = default) =>
        db.Set<AgreementNotice>().AsNoTracking().OrderByDescending(n => n.CreatedAtUtc).Take(20).ToListAsync(ct);

    private Guid ActorHub => db.Actor.HubId ?? throw new InvalidOperationException("No hub for the signed-in user.");

    private DateTime Now => time.GetUtcNow().UtcDateTime;


    private async Task<Outcome> SaveAsync(DataSharingAgreement version, Guid hub, AgreementChange? change, string action, CancellationToken ct)
    {
        var other = version.OtherSide(hub);
        var hubs = await db.Hubs.AsNoTracking().Where(h => h.Id == hub || h.Id == other).ToDictionaryAsync(h => h.Id, h => h.Name, ct);
        var who = await db.Users.AsNoTracking().Where(u => u.Id == db.Actor.UserId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) ?? "A user";
        var what = change switch
        {
            null when version.Status == AgreementStatus.Active => "added and approved (their hub owns the data)",
            null => "proposed, for your approval as the data owner",
            AgreementChange.Reinstate when version.Status == AgreementStatus.Active => "proposed again and approved (their hub owns the data), as a new agreement",
            AgreementChange.Reinstate => "proposed again as a new agreement, for your approval as the data owner",
            { } c => c.PastTense(),
        };
        var text = $"{who} ({hubs.GetValueOrDefault(hub)}) {what}: \"{version.Name}\" (version {version.Version}). Reason: {version.ChangeReason}";

        // The other side's administrators and information governance officers (the same hub's, within one hub).
        var recipients = await db.EmailsInRolesAsync(other, [Roles.Administrator, Roles.InformationGovernanceOfficer], except: db.Actor.UserId, ct);
        var now = Now;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.DataSharingAgreements.Add(version);
        db.Set<AgreementNotice>().Add(new AgreementNotice
        {
            Id = Guid.NewGuid(),
            HubId = other,
            AgreementId = version.Id,
            AgreementVersion = version.Version,
            Text = text.Length <= 2000 ? text : text[..2000],
            EmailsQueued = recipients.Count,
            CreatedAtUtc = now,
        });
        db.QueueEmails(other, NoticeKind, recipients, "A data sharing agreement involving your hub has changed", text, now, recordId: version.Id, linkPath: $"/Admin/Sharing/{version.Id}");

        // Queued, not sent: the outbox records sending separately, so the audit says only what happened here.
        db.Audit(action, AuditOutcome.Allowed, nameof(DataSharingAgreement), version.Id.ToString(), purpose: "Administration",
            detail: $"version {version.Version}, now {version.Status.DisplayName()}; reason: {version.ChangeReason}; notice to {hubs.GetValueOrDefault(other)}, e-mails queued (not yet sent): {recipients.Count}"
                + (version.ReinstatesAgreementId is { } old ? $"; reinstates agreement {old}" : string.Empty));
        await SharingPolicyRevisions.BumpAsync(db, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Outcome(version, hubs.GetValueOrDefault(other) ?? "the other hub", recipients.Count);
    }
}
