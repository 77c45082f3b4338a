namespace OpenMash.Web.Features.Decisions;

/// <summary>A strategy discussion as entered: what <see cref="DecisionService.RecordStrategyAsync"/> checks before it writes.</summary>
public sealed class StrategyInput
{
    public bool? Held { get; init; }

    public DateTime? HeldAtUtc { get; init; }

    public bool InvitedPolice { get; init; }

    public bool InvitedHealth { get; init; }

    public bool InvitedEducation { get; init; }

    public bool InvitedSocialWorker { get; init; }

    public IReadOnlyList<Guid> AttendedAgencyIds { get; init; } = [];

    public bool? SectionFortySevenAgreed { get; init; }

    public string? NotHeldReason { get; init; }
}
