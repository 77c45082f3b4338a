namespace OpenMash.Web.Domain.Users;

/// <summary>
/// A role one administrator asked to give an account, that opens children's records or gives administration
/// (separation of duties): the account holds it only once a different administrator of the same hub approves it.
/// Neither the requester nor the account itself may approve.
/// </summary>
public sealed class RoleGrant : IHubScoped
{
    public Guid Id { get; set; }

    public Guid HubId { get; set; }

    /// <summary>The account that would hold the role.</summary>
    public Guid UserId { get; set; }

    public required string Role { get; set; }

    public Guid RequestedByUserId { get; set; }

    public DateTime RequestedAtUtc { get; set; }

    public RoleGrantStatus Status { get; set; }

    public Guid? DecidedByUserId { get; set; }

    public DateTime? DecidedAtUtc { get; set; }

    /// <summary>Whether <paramref name="administrator"/> may approve or decline this grant: anyone but its requester and the account itself.</summary>
    public bool MayBeDecidedBy(Guid administrator) => administrator != RequestedByUserId && administrator != UserId;

    public void Approve(Guid administrator, DateTime nowUtc) => Decide(administrator, nowUtc, RoleGrantStatus.Approved);

    public void Decline(Guid administrator, DateTime nowUtc) => Decide(administrator, nowUtc, RoleGrantStatus.Declined);

    private void Decide(Guid administrator, DateTime nowUtc, RoleGrantStatus status)
    {
        if (Status != RoleGrantStatus.Pending)
        {
            throw new InvalidOperationException("This role grant has already been decided.");
        }

        if (!MayBeDecidedBy(administrator))
        {
            throw new InvalidOperationException("A role grant is decided by a second administrator: not the one who asked for it, nor the account itself.");
        }

        Status = status;
        DecidedByUserId = administrator;
        DecidedAtUtc = nowUtc;
    }
}
