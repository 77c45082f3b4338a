using OpenMash.Sharing;

namespace OpenMash.Web.Features.Checks;

/// <summary>One item of information in a check's answer, with what it may not be shared for.</summary>
public sealed class CheckItemInput
{
    public string? Text { get; init; }

    public ItemRestrictions Restrictions { get; init; }
}
