using OpenMash.Sharing;

namespace OpenMash.Web.Features.TaskGroup;

/// <summary>
/// One contact with exploitation concerns, as the task group may see it: the children named (the least an
/// agreement that shares existence must reveal), and the social care details and partner answers only as far as
/// the agreements for the task group allow.
/// </summary>
public sealed record TaskGroupChild(
    Guid ContactId,
    string Hub,
    string SocialCareAgency,
    IReadOnlyList<string> Children,
    SharingOutcome SocialCare,
    string? SocialCareWhyNot,
    string? Reference,
    DateTime? ReceivedAtUtc,
    IReadOnlyList<ConcernCategory> Concerns,
    IReadOnlyList<TaskGroupPartner> Partners);
