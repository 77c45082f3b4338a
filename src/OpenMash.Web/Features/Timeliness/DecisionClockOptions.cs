namespace OpenMash.Web.Features.Timeliness;

/// <summary>Configuration section <c>Timeliness</c>: how often the decision clock is checked.</summary>
public sealed class DecisionClockOptions
{
    public const string Section = "Timeliness";

    /// <summary>Seconds between passes telling managers of contacts running out of time or overdue; 0 turns the pass off (tests call it directly).</summary>
    public int CheckEverySeconds { get; set; } = 60;
}
