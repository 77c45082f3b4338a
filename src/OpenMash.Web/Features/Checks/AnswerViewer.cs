using OpenMash.Sharing;

namespace OpenMash.Web.Features.Checks;

/// <summary>Who is looking at answers: the agency and hub the agreements are asked about, and how item restrictions apply.</summary>
public sealed record AnswerViewer(Guid AgencyId, Guid HubId, ItemViewer Items, SharingPurpose Purpose = SharingPurpose.SafeguardingScreening);
