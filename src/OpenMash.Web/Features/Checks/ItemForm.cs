using OpenMash.Sharing;

namespace OpenMash.Web.Features.Checks;

public sealed class ItemForm
{
    public string? Text { get; set; }

    public List<ItemRestrictions> Restrictions { get; set; } = [];
}
