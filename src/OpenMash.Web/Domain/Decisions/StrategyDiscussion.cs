namespace OpenMash.Web.Domain.Decisions;

public sealed class StrategyDiscussion : IHubScoped
{
    public Guid Id { get; set; }

    public Guid HubId { get; set; }

    public Guid ContactId { get; set; }

    public bool Held { get; set; }

    public DateTime? HeldAtUtc { get; set; }

    public bool InvitedPolice { get; set; }

    public bool InvitedHealth { get; set; }

    public bool InvitedEducation { get; set; }

    public bool InvitedSocialWorker { get; set; }

    /// <summary>Agency ids of those who attended.</summary>
    public List<Guid> AttendedAgencyIds { get; set; } = [];

    public bool? SectionFortySevenAgreed { get; set; }

    /// <summary>Required when no discussion is held although harm was suspected.</summary>
    public string? NotHeldReason { get; set; }

    public Guid RecordedByUserId { get; set; }

    public DateTime RecordedAtUtc { get; set; }
}
