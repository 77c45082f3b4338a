using OpenMash.Sharing;

namespace OpenMash.Web.Features.Checks;

/// <summary>
/// An answer as this viewer may see it: <see cref="Shared"/> says whether the data sharing agreements let its content
/// (or only the fact that the agency knows the child) reach the viewer's agency; <see cref="NotSharedReason"/> says why not.
/// </summary>
public sealed record VisibleAnswer(MultiAgencyCheck Check, string? AnsweredBy, IReadOnlyList<CheckItem> Items, int Withheld, SharingOutcome Shared = SharingOutcome.Content, string? NotSharedReason = null);
