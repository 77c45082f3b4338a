using OpenMash.Sharing;

namespace OpenMash.Web.Domain.Sharing;

/// <summary>
/// One version of a data sharing agreement line: which source (an agency, or every agency of a type) may share
/// which category of data with which destination, in which mode, for what purpose and when. A change or a
/// revocation adds a new version; only the newest version of each agreement counts, and only while it is approved
/// (<see cref="IsHonoured"/>). Not hub-scoped: an agreement can run between two hubs. The data owner is the source
/// hub: an agreement takes effect only when the source hub approves it (proposing it counts); the receiving hub may
/// propose, and may ask to revoke, but only the owner revokes (<see cref="Apply"/>).
/// </summary>
public sealed class DataSharingAgreement
{
    public Guid Id { get; set; }

    public int Version { get; set; }

    public required string Name { get; set; }

    public AgreementEffect Effect { get; set; }

    public Guid? SourceAgencyId { get; set; }

    public AgencyType? SourceAgencyType { get; set; }

    public Guid SourceHubId { get; set; }

    public Guid? DestinationAgencyId { get; set; }

    public AgencyType? DestinationAgencyType { get; set; }

    public Guid DestinationHubId { get; set; }

    public DataCategory Category { get; set; }

    public SharingPurpose Purpose { get; set; }

    public SharingMode Mode { get; set; }

    public DateTime ValidFromUtc { get; set; }

    public DateTime? ValidUntilUtc { get; set; }

    public DateTime RecordedAtUtc { get; set; }

    public Guid? RecordedByUserId { get; set; }

    /// <summary>The hub whose administrator or IG officer made this version's change.</summary>
    public Guid? RecordedByHubId { get; set; }

    public AgreementStatus Status { get; set; }

    /// <summary>Why this version was made (proposal, approval, revocation...): required for every change through the pages.</summary>
    public string? ChangeReason { get; set; }

    /// <summary>The ended or declined agreement this one reinstates; the old one stays as it was.</summary>
    public Guid? ReinstatesAgreementId { get; set; }

    /// <summary>Whether the sharing engine honours this version: approved (or approved and asked to end), never proposed, declined or ended.</summary>
    public bool IsHonoured => Status is AgreementStatus.Active or AgreementStatus.RevocationRequested;

    /// <summary>The data owner: the hub of the agency whose data flows.</summary>
    public bool IsOwnedBy(Guid hubId) => SourceHubId == hubId;

    public bool Involves(Guid hubId) => SourceHubId == hubId || DestinationHubId == hubId;

    /// <summary>The hub on the other side from <paramref name="hubId"/> (the same hub for an agreement within one hub).</summary>
    public Guid OtherSide(Guid hubId) => hubId == SourceHubId ? DestinationHubId : SourceHubId;

    /// <summary>The changes a user of <paramref name="hubId"/> may make to this (newest) version.</summary>
    public IReadOnlyList<AgreementChange> ChangesFor(Guid hubId)
    {
        if (!Involves(hubId))
        {
            return [];
        }

        var owner = IsOwnedBy(hubId);
        return Status switch
        {
            AgreementStatus.Proposed when owner => [AgreementChange.Approve, AgreementChange.Decline],
            AgreementStatus.Active => [owner ? AgreementChange.Revoke : AgreementChange.RequestRevocation],
            AgreementStatus.RevocationRequested when owner => [AgreementChange.ApproveRevocation, AgreementChange.DeclineRevocation],
            AgreementStatus.Declined or AgreementStatus.Ended => [AgreementChange.Reinstate],
            _ => [],
        };
    }

    /// <summary>
    /// A new proposal made by a user of <paramref name="hubId"/>: approved at once when that hub owns the data,
    /// otherwise waiting for the owner. Throws when neither side is that hub.
    /// </summary>
    public void Propose(Guid hubId, Guid? userId, string reason, DateTime nowUtc, Guid? reinstates = null)
    {
        if (!Involves(hubId))
        {
            throw new InvalidOperationException("One side of an agreement must be the proposer's hub.");
        }

        Id = Id == Guid.Empty ? Guid.NewGuid() : Id;
        Version = 1;
        Status = IsOwnedBy(hubId) ? AgreementStatus.Active : AgreementStatus.Proposed;
        ReinstatesAgreementId = reinstates;
        Stamp(hubId, userId, reason, nowUtc);
    }

    /// <summary>
    /// The next version after <paramref name="change"/> by a user of <paramref name="hubId"/> (for
    /// <see cref="AgreementChange.Reinstate"/>, a new agreement linked to this one). This version is not changed.
    /// Throws on a change that side may not make now.
    /// </summary>
    public DataSharingAgreement Apply(AgreementChange change, Guid hubId, Guid? userId, string reason, DateTime nowUtc)
    {
        if (!ChangesFor(hubId).Contains(change))
        {
            throw new InvalidOperationException($"The change {change} is not allowed for this side of an agreement that is {Status}.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new InvalidOperationException("Every change to an agreement needs a reason.");
        }

        var next = (DataSharingAgreement)MemberwiseClone();
        if (change == AgreementChange.Reinstate)
        {
            next.Id = Guid.NewGuid();
            next.ValidFromUtc = ValidFromUtc > nowUtc ? ValidFromUtc : nowUtc;
            next.ValidUntilUtc = ValidUntilUtc is { } until && until > next.ValidFromUtc && Status == AgreementStatus.Declined ? until : null;
            next.Propose(hubId, userId, reason, nowUtc, reinstates: Id);
            return next;
        }

        next.Version = Version + 1;
        next.Status = change switch
        {
            AgreementChange.Approve or AgreementChange.DeclineRevocation => AgreementStatus.Active,
            AgreementChange.Decline => AgreementStatus.Declined,
            AgreementChange.RequestRevocation => AgreementStatus.RevocationRequested,
            _ => AgreementStatus.Ended,
        };
        if (next.Status == AgreementStatus.Ended)
        {
            next.ValidUntilUtc = ValidUntilUtc is { } until && until < nowUtc ? until : nowUtc;
            next.ValidFromUtc = ValidFromUtc > next.ValidUntilUtc ? next.ValidUntilUtc.Value : ValidFromUtc;
        }

        next.Stamp(hubId, userId, reason, nowUtc);
        return next;
    }

    private void Stamp(Guid hubId, Guid? userId, string reason, DateTime nowUtc)
    {
        RecordedByHubId = hubId;
        RecordedByUserId = userId;
        RecordedAtUtc = nowUtc;
        ChangeReason = reason.Trim();
    }

    /// <summary>A first version of an agreement between two agency types, from <paramref name="validFromUtc"/> with no end.</summary>
    public static DataSharingAgreement BetweenTypes(
        string name, AgreementEffect effect, AgencyType source, Guid sourceHubId, AgencyType destination, Guid destinationHubId,
        DataCategory category, SharingPurpose purpose, SharingMode mode, DateTime validFromUtc) => new()
        {
            Id = Guid.NewGuid(),
            Version = 1,
            Name = name,
            Effect = effect,
            SourceAgencyType = source,
            SourceHubId = sourceHubId,
            DestinationAgencyType = destination,
            DestinationHubId = destinationHubId,
            Category = category,
            Purpose = purpose,
            Mode = mode,
            ValidFromUtc = validFromUtc,
        };
}
