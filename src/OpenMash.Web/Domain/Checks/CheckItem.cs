using ItemRestrictions = OpenMash.Sharing.ItemRestrictions;

namespace OpenMash.Web.Domain.Checks;

/// <summary>One piece of information in an answer, with the supplying agency's restriction on who may see it.</summary>
public sealed class CheckItem : IHubScoped
{
    public Guid Id { get; set; }

    public Guid HubId { get; set; }

    public Guid CheckId { get; set; }

    public required string Text { get; set; }

    public ItemRestrictions Restrictions { get; set; }
}
