namespace OpenMash.Web.Domain.Hubs;

/// <summary>Settings an administrator maintains for one hub.</summary>
public sealed class HubSettings : IHubScoped
{
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
}
