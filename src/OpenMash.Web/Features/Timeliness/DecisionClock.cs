namespace OpenMash.Web.Features.Timeliness;

/// <summary>How far a contact is through its decision time, in the hub's working time.</summary>
public static class DecisionClock
{
    /// <summary>
    /// The share (0 to 1, more once overdue) of the time from receipt to the decision due that has passed at
    /// <paramref name="nowUtc"/>, counted in working time; elapsed time when the allowance has no working time in it
    /// (a red contact running around the clock overnight).
    /// </summary>
    public static double ShareUsed(WorkingTimeCalculator calculator, DateTime receivedUtc, DateTime dueUtc, DateTime nowUtc)
    {
        if (nowUtc >= dueUtc)
        {
            return 1;
        }

        var received = new DateTimeOffset(DateTime.SpecifyKind(receivedUtc, DateTimeKind.Utc));
        var due = new DateTimeOffset(DateTime.SpecifyKind(dueUtc, DateTimeKind.Utc));
        var now = new DateTimeOffset(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc));
        var total = calculator.WorkingTimeBetween(received, due);
        if (total <= TimeSpan.Zero)
        {
            total = due - received;
            return total <= TimeSpan.Zero ? 1 : Math.Clamp((now - received) / total, 0, 1);
        }

        return Math.Clamp(calculator.WorkingTimeBetween(received, now) / total, 0, 1);
    }
}
