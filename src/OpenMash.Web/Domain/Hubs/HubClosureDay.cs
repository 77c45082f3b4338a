namespace OpenMash.Web.Domain.Hubs;

/// <summary>
/// A day one hub does not work, on top of weekends and the bank holidays of England and Wales: a newly announced
/// bank holiday the holiday list does not have yet, or a day the hub closes. The hub's clocks skip it.
/// </summary>
public sealed class HubClosureDay : IHubScoped
{
    public const int MaxReasonLength = 200;

    public Guid Id { get; set; }

    public Guid HubId { get; set; }

    /// <summary>The hub's local calendar date (Europe/London).</summary>
    public DateOnly Date { get; set; }

    /// <summary>Why the hub is closed, in the administrator's words: "Bank holiday for the coronation".</summary>
    public required string Reason { get; set; }

    /// <summary>Whether the day is behind <paramref name="today"/>: due times were already counted across it, so it stays.</summary>
    public bool HasPassed(DateOnly today) => Date < today;
}
