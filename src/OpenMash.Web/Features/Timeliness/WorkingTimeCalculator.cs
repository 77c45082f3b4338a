namespace OpenMash.Web.Features.Timeliness;

/// <summary>
/// Counts a hub's working time between UTC instants and sets RAG due times. Each working date has one
/// window, from <see cref="WorkingTimeSettings.WorkingDayStart"/> to <see cref="WorkingTimeSettings.WorkingDayEnd"/>
/// local time, turned into UTC instants; working time is the real elapsed time inside these windows.
/// </summary>
/// <remarks>
/// A window time that falls in a spring-forward gap is taken as the instant the clocks skip past it
/// (01:30 on a gap 01:00 to 02:00 is 02:30 after the change). One that occurs twice in an autumn
/// fall-back is taken at its first occurrence. The calculator is immutable and thread-safe.
/// </remarks>
public sealed class WorkingTimeCalculator
{
    // With at least one working day a week, a gap of a year without one can only come from closure-day
    // settings that close the hub for good; fail rather than loop for ever.
    private const int MaxDaysWithoutWorkingDay = 366;

    private readonly WorkingTimeSettings _settings;
    private readonly IBankHolidayCalendar _holidays;
    private readonly TimeZoneInfo _zone;

    public WorkingTimeCalculator(WorkingTimeSettings settings, IBankHolidayCalendar holidays)
    {
        settings.Validate();
        _settings = settings;
        _holidays = holidays;
        _zone = TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZoneId);
    }

    public WorkingTimeSettings Settings => _settings;

    /// <summary>
    /// The instant (UTC) at which <paramref name="workingDuration"/> of working time has passed since
    /// <paramref name="start"/>. Counting starts at <paramref name="start"/> if it is working time, else at
    /// the start of the next working window; so a zero duration outside hours gives that next start.
    /// </summary>
    public DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan workingDuration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingDuration, TimeSpan.Zero);
        var from = start.ToUniversalTime();
        var remaining = workingDuration;
        var date = LocalDate(from);
        var daysWithoutWindow = 0;
        while (true)
        {
            if (WindowOn(date) is { } window)
            {
                daysWithoutWindow = 0;
                var effective = from > window.Start ? from : window.Start;
                if (effective < window.End)
                {
                    var available = window.End - effective;
                    if (remaining <= available)
                    {
                        return effective + remaining;
                    }

                    remaining -= available;
                }
            }
            else if (++daysWithoutWindow > MaxDaysWithoutWorkingDay)
            {
                throw new InvalidOperationException($"No working day in the {MaxDaysWithoutWorkingDay} days before {date}.");
            }

            date = date.AddDays(1);
        }
    }

    /// <summary>
    /// Working time from <paramref name="from"/> to <paramref name="to"/>; negative if <paramref name="to"/>
    /// is earlier. The inverse of <see cref="AddWorkingTime"/>.
    /// </summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to < from)
        {
            return -WorkingTimeBetween(to, from);
        }

        var a = from.ToUniversalTime();
        var b = to.ToUniversalTime();
        var total = TimeSpan.Zero;
        var last = LocalDate(b);
        for (var date = LocalDate(a); date <= last; date = date.AddDays(1))
        {
            if (WindowOn(date) is { } window)
            {
                var overlapStart = a > window.Start ? a : window.Start;
                var overlapEnd = b < window.End ? b : window.End;
                if (overlapEnd > overlapStart)
                {
                    total += overlapEnd - overlapStart;
                }
            }
        }

        return total;
    }

    /// <summary>Whether <paramref name="instant"/> is within working hours of a working day (start inclusive, end exclusive).</summary>
    public bool IsWorkingTime(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return WindowOn(LocalDate(utc)) is { } window && utc >= window.Start && utc < window.End;
    }

    /// <summary>Due times for partner checks and the decision on a contact received at <paramref name="received"/>.</summary>
    public DueTimes For(RagRating rating, DateTimeOffset received)
    {
        var decisionAllowance = DecisionAllowance(rating);
        var checksAllowance = decisionAllowance * _settings.CheckFraction;
        if (rating == RagRating.Red && _settings.RedAroundTheClock)
        {
            var utc = received.ToUniversalTime();
            return new DueTimes(utc + checksAllowance, utc + decisionAllowance);
        }

        return new DueTimes(AddWorkingTime(received, checksAllowance), AddWorkingTime(received, decisionAllowance));
    }

    /// <summary>The decision allowance for <paramref name="rating"/>: working time, or elapsed time for red around the clock.</summary>
    public TimeSpan DecisionAllowance(RagRating rating) => rating switch
    {
        RagRating.Red => _settings.RedDecisionAllowance,
        RagRating.Amber => _settings.WorkingDayLength * _settings.AmberDecisionWorkingDays,
        RagRating.Green => _settings.WorkingDayLength * _settings.GreenDecisionWorkingDays,
        _ => throw new ArgumentOutOfRangeException(nameof(rating), rating, "Unknown RAG rating."),
    };

    /// <summary>Whether <paramref name="date"/> is a working day: a working day of the week, not a bank holiday nor a closure day.</summary>
    public bool IsWorkingDay(DateOnly date) =>
        _settings.WorkingDays.Contains(date.DayOfWeek)
        && !_settings.ClosureDays.Contains(date)
        && !_holidays.IsBankHoliday(date);

    private (DateTimeOffset Start, DateTimeOffset End)? WindowOn(DateOnly date)
    {
        if (!IsWorkingDay(date))
        {
            return null;
        }

        var start = LocalToUtc(date, _settings.WorkingDayStart);
        var end = LocalToUtc(date, _settings.WorkingDayEnd);
        return end > start ? (start, end) : null;
    }

    private DateOnly LocalDate(DateTimeOffset utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(utc, _zone).DateTime);

    private DateTimeOffset LocalToUtc(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (_zone.IsInvalidTime(local))
        {
            // In a spring-forward gap: use the offset in force before the gap, which gives the instant the
            // clocks skipped past this time. Real zones do not change offset twice within a day.
            offset = _zone.GetUtcOffset(local.AddDays(-1));
        }
        else if (_zone.IsAmbiguousTime(local))
        {
            // Occurs twice in a fall-back: the larger offset is the first occurrence.
            offset = _zone.GetAmbiguousTimeOffsets(local).Max();
        }
        else
        {
            offset = _zone.GetUtcOffset(local);
        }

        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
