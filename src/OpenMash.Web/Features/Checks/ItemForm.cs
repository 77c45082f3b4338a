using OpenMash.Sharing;

namespace OpenMash.Web.Features.Checks;

public sealed class ItemForm
{
    public string? Text { get; set; }

    public List<ItemRestrictions> Restrictions { get; set; } = [];

    public static ItemRestrictions Combine(IEnumerable<ItemRestrictions> chosen) => chosen.Where(Enum.IsDefined).Aggregate(ItemRestrictions.None, (a, r) => a | r);
}
