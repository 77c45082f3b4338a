namespace OpenMash.Web.Features.Timeliness;

/// <summary>
/// A hub's working hours and RAG timescales. The defaults are those of the issue: 09:00 to 17:00,
/// Monday to Friday, Europe/London, red 4 working hours, amber 1 working day, green 3 working days
/// for the decision, and partner checks due at half of that.
/// </summary>
/// <remarks>
/// Working time is counted only inside each working day's hours, on working days that are neither bank
/// holidays nor <see cref="ClosureDays"/>. A working day, as a length of working time, is the length
/// from <see cref="WorkingDayStart"/> to <see cref="WorkingDayEnd"/> (8 hours by default), so amber is
/// 8 working hours and green 24. Times of day are local to <see cref="TimeZoneId"/>; durations are real
/// elapsed time, so a working day that spans a clock change is an hour shorter or longer.
/// </remarks>
public sealed record WorkingTimeSettings
{
    /// <summary>The settings of the issue; see the type's summary.</summary>
    public static WorkingTimeSettings Default { get; } = new();

    /// <summary>Local time of day at which each working day starts.</summary>
    public TimeOnly WorkingDayStart { get; init; } = new(9, 0);

    /// <summary>Local time of day at which each working day ends; after <see cref="WorkingDayStart"/> on the same day.</summary>
    public TimeOnly WorkingDayEnd { get; init; } = new(17, 0);

    /// <summary>Days of the week on which the hub works, bank holidays aside.</summary>
    public IReadOnlySet<DayOfWeek> WorkingDays { get; init; } = new HashSet<DayOfWeek>
    {
        DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday,
    };

    /// <summary>IANA (or Windows) id of the hub's time zone.</summary>
    public string TimeZoneId { get; init; } = "Europe/London";

    /// <summary>
    /// The hub's own one-off closure days, on top of bank holidays (for example a newly announced
    /// holiday that the holiday library does not have yet).
    /// </summary>
    public IReadOnlySet<DateOnly> ClosureDays { get; init; } = new HashSet<DateOnly>();

    /// <summary>Decision allowance for a red contact: working time, or elapsed time when <see cref="RedAroundTheClock"/>.</summary>
    public TimeSpan RedDecisionAllowance { get; init; } = TimeSpan.FromHours(4);

    /// <summary>Decision allowance for an amber contact, in working days.</summary>
    public int AmberDecisionWorkingDays { get; init; } = 1;

    /// <summary>Decision allowance for a green contact, in working days.</summary>
    public int GreenDecisionWorkingDays { get; init; } = 3;

    /// <summary>When true, red timescales run around the clock (elapsed hours, 24/7), ignoring working hours and holidays.</summary>
    public bool RedAroundTheClock { get; init; }

    /// <summary>Fraction of the decision allowance after which partner checks are due; greater than 0 and at most 1.</summary>
    public double CheckFraction { get; init; } = 0.5;

    /// <summary>Length of one full working day as working time.</summary>
    public TimeSpan WorkingDayLength => WorkingDayEnd - WorkingDayStart;

    /// <summary>Throws <see cref="ArgumentException"/> if these settings cannot be used to count working time.</summary>
    public void Validate()
    {
        if (WorkingDayEnd <= WorkingDayStart)
        {
            throw new ArgumentException($"The working day must end after it starts ({WorkingDayStart} to {WorkingDayEnd}).");
        }

        if (WorkingDays.Count == 0)
        {
            throw new ArgumentException("At least one day of the week must be a working day.");
        }

        if (string.IsNullOrWhiteSpace(TimeZoneId))
        {
            throw new ArgumentException("A time zone id is required.");
        }

        if (RedDecisionAllowance <= TimeSpan.Zero || AmberDecisionWorkingDays <= 0 || GreenDecisionWorkingDays <= 0)
        {
            throw new ArgumentException("Decision allowances must be positive.");
        }

        if (!(CheckFraction > 0 && CheckFraction <= 1))
        {
            throw new ArgumentException($"The check fraction must be greater than 0 and at most 1, not {CheckFraction}.");
        }
    }
}
