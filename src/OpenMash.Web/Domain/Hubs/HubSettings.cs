namespace OpenMash.Web.Domain.Hubs;

/// <summary>Settings an administrator maintains for one hub.</summary>
public sealed class HubSettings : IHubScoped
{
    /// <summary>The threshold guidance of a new hub until an administrator gives the hub's own.</summary>
    public const string DefaultThresholdGuidance =
        "This hub has not set its threshold guidance yet. An administrator sets it under Administration, Hub settings.";

    public Guid HubId { get; set; }

    public required string ThresholdGuidance { get; set; }

    public string? SupportContact { get; set; }

    public TimeOnly WorkingDayStart { get; set; } = new(9, 0);

    public TimeOnly WorkingDayEnd { get; set; } = new(17, 0);

    public double RedDecisionHours { get; set; } = 4;

    public int AmberDecisionWorkingDays { get; set; } = 1;

    public int GreenDecisionWorkingDays { get; set; } = 3;

    public bool RedAroundTheClock { get; set; }

    /// <summary>Working hours a partner agency has to answer a check, counted from when the check is requested.</summary>
    public double CheckResponseWorkingHours { get; set; } = 4;

    /// <summary>Share (per cent) of a contact's decision time after which managers are told it is running out.</summary>
    public int DecisionWarningPercent { get; set; } = 75;

    /// <summary>Working days after the decision within which the referrer must be told the outcome.</summary>
    public int FeedbackWithinWorkingDays { get; set; } = 1;

    /// <summary>Share (per cent) of no-further-action decisions set aside for a second manager's dip sample.</summary>
    public int NoFurtherActionDipSamplePercent { get; set; } = 10;

    /// <summary>The last contact number issued in this hub; contact references count up from it.</summary>
    public long LastContactNumber { get; set; }

    /// <summary>
    /// A new hub's settings (the defaults documented with <c>hubs add</c>): working day 09:00 to 17:00, red 4 hours,
    /// amber 1 working day, green 3, feedback within 1 working day, 10% dip sample, contact numbers from 1.
    /// </summary>
    public static HubSettings ForNewHub(Guid hubId) => new() { HubId = hubId, ThresholdGuidance = DefaultThresholdGuidance };
}
