namespace OpenMash.Web.Domain.Hubs;

/// <summary>One multi-agency safeguarding hub (the tenant).</summary>
public sealed class Hub
{
    public Guid Id { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    public List<AgencyHub> Agencies { get; set; } = [];
}
