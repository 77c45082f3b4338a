namespace OpenMash.Web.Domain.Hubs;

public sealed class Agency
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    public AgencyType Type { get; set; }

    public bool IsLeadSafeguardingPartner { get; set; }

    public bool IsDisabled { get; set; }

    /// <summary>Where the hub's e-mails to the agency go (chases for overdue checks); none means the agency is not e-mailed.</summary>
    public string? EmailAddress { get; set; }

    public List<AgencyHub> Hubs { get; set; } = [];
}
