namespace OpenMash.Web.Domain.Access;

/// <summary>A notice on the home page of a hub's MASH managers (break-glass access to their hub's records).</summary>
public sealed class AccessNotice : IHubScoped
{
    public Guid Id { get; set; }

    public Guid HubId { get; set; }

    public Guid GrantId { get; set; }

    public required string Text { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
