using OpenMash.Sharing;

namespace OpenMash.Web.Features.Checks;

/// <summary>The answer form's fields for one person of the check, bound as <c>People[i]</c>.</summary>
public sealed class PersonAnswerForm
{
    public Guid? PersonId { get; set; }

    public bool? Held { get; set; }

    public List<ItemForm> Items { get; set; } = [];

    public bool? DomesticAbuse { get; set; }

    public string? DomesticAbuseText { get; set; }

    public List<ItemRestrictions> DomesticAbuseRestrictions { get; set; } = [];

    public CheckPersonAnswerInput ToInput(int itemSlots) => new()
    {
        PersonId = PersonId,
        Held = Held,
        Items = Items.Take(itemSlots).Select(i => new CheckItemInput { Text = i.Text, Restrictions = ItemForm.Combine(i.Restrictions) }).ToList(),
        DomesticAbuse = DomesticAbuse,
        DomesticAbuseText = DomesticAbuseText,
        DomesticAbuseRestrictions = ItemForm.Combine(DomesticAbuseRestrictions),
    };
}
