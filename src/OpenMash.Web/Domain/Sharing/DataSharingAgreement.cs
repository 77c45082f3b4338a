using OpenMash.Sharing;

namespace OpenMash.Web.Domain.Sharing;

/// <summary>
/// One version of a data sharing agreement line: which source (an agency, or every agency of a type) may share
/// which category of data with which destination, in which mode, for what purpose and when. A change or a
/// revocation adds a new version; only the newest version of each agreement is in force. Not hub-scoped: an
/// agreement can run between two hubs.
/// </summary>
public sealed class DataSharingAgreement
{
    public Guid Id { get; set; }

    public int Version { get; set; }

    public required string Name { get; set; }

    public AgreementEffect Effect { get; set; }

    public Guid? SourceAgencyId { get; set; }

    public AgencyType? SourceAgencyType { get; set; }

    public Guid SourceHubId { get; set; }

    public Guid? DestinationAgencyId { get; set; }

    public AgencyType? DestinationAgencyType { get; set; }

    public Guid DestinationHubId { get; set; }

    public DataCategory Category { get; set; }

    public SharingPurpose Purpose { get; set; }

    public SharingMode Mode { get; set; }

    public DateTime ValidFromUtc { get; set; }

    public DateTime? ValidUntilUtc { get; set; }

    public DateTime RecordedAtUtc { get; set; }

    public Guid? RecordedByUserId { get; set; }

    /// <summary>A first version of an agreement between two agency types, from <paramref name="validFromUtc"/> with no end.</summary>
    public static DataSharingAgreement BetweenTypes(
        string name, AgreementEffect effect, AgencyType source, Guid sourceHubId, AgencyType destination, Guid destinationHubId,
        DataCategory category, SharingPurpose purpose, SharingMode mode, DateTime validFromUtc) => new()
        {
            Id = Guid.NewGuid(),
            Version = 1,
            Name = name,
            Effect = effect,
            SourceAgencyType = source,
            SourceHubId = sourceHubId,
            DestinationAgencyType = destination,
            DestinationHubId = destinationHubId,
            Category = category,
            Purpose = purpose,
            Mode = mode,
            ValidFromUtc = validFromUtc,
        };
}
