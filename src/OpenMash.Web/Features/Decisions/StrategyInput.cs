namespace OpenMash.Web.Features.Decisions;

public sealed record StrategyInput(
    bool? Held,
    DateTime? HeldAtUtc,
    bool InvitedPolice,
    bool InvitedHealth,
    bool InvitedEducation,
    bool InvitedSocialWorker,
    IReadOnlyList<Guid> AttendedAgencyIds,
    bool? SectionFortySevenAgreed,
    string? NotHeldReason);
