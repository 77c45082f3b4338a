using ItemRestrictions = OpenMash.Sharing.ItemRestrictions;

namespace OpenMash.Web.Domain.Checks;

/// <summary>One piece of information in an answer, with the supplying agency's restriction on who may see it.</summary>
public sealed class CheckItem : IHubScoped
{
    public Guid Id { get; set; }

    public Guid HubId { get; set; }

    public Guid CheckId { get; set; }

    /// <summary>The person the item is about; null only on items written before answers were per person.</summary>
    public Guid? PersonId { get; set; }

    public CheckItemKind Kind { get; set; }

    public required string Text { get; set; }

    public ItemRestrictions Restrictions { get; set; }

    /// <summary>Set when a correction replaced this item: it is kept as part of the answer before the correction.</summary>
    public Guid? SupersededByCorrectionId { get; set; }

    public bool IsCurrent => SupersededByCorrectionId is null;
}
