using OpenMash.Sharing;

namespace OpenMash.Web.Domain.Checks;

/// <summary>The restrictions an agency may put on an item it shares, in people's words (answer form and subject access export).</summary>
public static class ItemRestrictionNames
{
    /// <summary>Each restriction a check answer may set, in the order the answer form offers them.</summary>
    public static readonly IReadOnlyList<(ItemRestrictions Value, string Text)> Options =
    [
        (ItemRestrictions.NotForFamily, "Not for the family"),
        (ItemRestrictions.NotForReferrer, "Not for the referrer"),
        (ItemRestrictions.MashSocialWorkersOnly, "MASH social workers only"),
        (ItemRestrictions.SupplyingAgencyOnly, "Supplying agency only"),
        (ItemRestrictions.NoOnwardSharing, "No onward sharing outside the hub"),
    ];

    /// <summary>The restrictions set, inside a sentence: "not for the family, supplying agency only".</summary>
    public static string DisplayName(this ItemRestrictions restrictions) => string.Join(", ",
        Options.Where(o => restrictions.HasFlag(o.Value)).Select(o => o.Text.StartsWith("MASH", StringComparison.Ordinal) ? o.Text : char.ToLowerInvariant(o.Text[0]) + o.Text[1..]));
}
