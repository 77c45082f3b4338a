using OpenMash.Sharing;

namespace OpenMash.Web.Features.Checks;

/// <summary>
/// An answer as this viewer may see it: <see cref="Shared"/> says whether the data sharing agreements let its content
/// (or only the fact that the agency knows the child) reach the viewer's agency; <see cref="NotSharedReason"/> says why not.
/// <see cref="Items"/> are every current item the viewer may see; <see cref="People"/> the same answer person by person,
/// each passed through the gate for that person; <see cref="Corrections"/> the answer's corrections, newest last.
/// </summary>
public sealed record VisibleAnswer(MultiAgencyCheck Check, string? AnsweredBy, IReadOnlyList<CheckItem> Items, int Withheld, SharingOutcome Shared = SharingOutcome.Content, string? NotSharedReason = null)
{
    public IReadOnlyList<VisiblePerson> People { get; init; } = [];

    public IReadOnlyList<VisibleCorrection> Corrections { get; init; } = [];
}

/// <summary>The answer about one person, as far as the gate (asked for this person) and the items' restrictions let the viewer see it.</summary>
public sealed record VisiblePerson(Guid PersonId, string Name, bool AsAdult, bool? Held, bool? DomesticAbuseHeld, IReadOnlyList<CheckItem> Items, int Withheld, SharingOutcome Shared, string? NotSharedReason)
{
    public IEnumerable<CheckItem> Information => Items.Where(i => i.Kind == CheckItemKind.Information);

    public IEnumerable<CheckItem> DomesticAbuse => Items.Where(i => i.Kind == CheckItemKind.DomesticAbuseHistory);
}

/// <summary>A correction of the answer: who, when, why, and the answer before it (its items as far as the viewer may see them).</summary>
public sealed record VisibleCorrection(CheckCorrection Correction, string? CorrectedBy, IReadOnlyList<CheckItem> PreviousItems, int PreviousWithheld);
