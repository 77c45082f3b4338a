namespace OpenMash.Web.Domain.Hubs;

/// <summary>An agency serves a hub; one police force can serve two hubs.</summary>
public sealed class AgencyHub
{
    public Guid AgencyId { get; set; }

    public Agency Agency { get; set; } = null!;

    public Guid HubId { get; set; }

    public Hub Hub { get; set; } = null!;
}
