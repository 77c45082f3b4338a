namespace OpenMash.Web.Demo;

/// <summary>
/// The clock the demo's work is done on: the seeder moves it to the time each step of a fictional case happened, so
/// that the application's own services stamp the screening, checks and decisions with those times.
/// </summary>
public sealed class DemoClock : TimeProvider
{
    public DateTime NowUtc { get; set; }

    public override DateTimeOffset GetUtcNow() => new(DateTime.SpecifyKind(NowUtc, DateTimeKind.Utc));
}
