namespace OpenMash.Web.Domain.Hubs;

public sealed class Agency
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    public AgencyType Type { get; set; }

    public bool IsLeadSafeguardingPartner { get; set; }

    public bool IsDisabled { get; set; }

    public List<AgencyHub> Hubs { get; set; } = [];
}
