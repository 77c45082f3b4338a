using OpenMash.Sharing;

namespace OpenMash.Web.Features.DataSharing;

/// <summary>
/// Information one agency holds, in one hub, that someone else asks to see: what it is (category), why it is wanted
/// (purpose), and which record and persons it concerns, for the audit row.
/// </summary>
public sealed record ShareRequest(
    Guid SourceAgencyId,
    string SourceAgencyName,
    Guid SourceHubId,
    DataCategory Category,
    SharingPurpose Purpose,
    string TargetType,
    string TargetId,
    IReadOnlyCollection<Guid>? Subjects = null);
