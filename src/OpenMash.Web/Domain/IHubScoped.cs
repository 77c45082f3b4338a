namespace OpenMash.Web.Domain;

/// <summary>A record that belongs to one hub; the DbContext filters every query on it by the current hub.</summary>
public interface IHubScoped
{
    Guid HubId { get; }
}
