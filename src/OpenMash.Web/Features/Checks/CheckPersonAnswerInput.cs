using OpenMash.Sharing;

namespace OpenMash.Web.Features.Checks;

/// <summary>What an agency holds about one person of a check: nothing, or items; for an adult, also domestic abuse history.</summary>
public sealed class CheckPersonAnswerInput
{
    public Guid? PersonId { get; init; }

    /// <summary>True: the agency holds information about the person; false: nothing held.</summary>
    public bool? Held { get; init; }

    public IReadOnlyList<CheckItemInput> Items { get; init; } = [];

    /// <summary>For an adult: whether the agency holds domestic abuse history about them (as victim or as perpetrator).</summary>
    public bool? DomesticAbuse { get; init; }

    public string? DomesticAbuseText { get; init; }

    public ItemRestrictions DomesticAbuseRestrictions { get; init; }
}
