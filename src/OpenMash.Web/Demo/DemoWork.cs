using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Checks;
using OpenMash.Web.Features.Consent;
using OpenMash.Web.Features.DataSharing;
using OpenMash.Web.Features.Decisions;
using OpenMash.Web.Features.Screening;
using OpenMash.Web.Features.Timeliness;
using OpenMash.Web.Security;

namespace OpenMash.Web.Demo;

/// <summary>
/// The application's own services, as one hub's demo staff use them: each step is done as the demo user who would
/// do it (<see cref="AsAsync"/>), at the time it happened on the case (<see cref="DemoClock"/>), so that the
/// screening, checks, consent records, overrides and decisions it writes are what the pages would write, with
/// their rules checked, their audit rows and their place on the timeline. A step the rules refuse stops the seeding.
/// </summary>
public sealed class DemoWork
{
    private readonly OpenMashDbContext _db;
    private readonly CurrentActor _actor;
    private readonly Dictionary<string, AppUser> _users = new(StringComparer.Ordinal);

    public DemoWork(OpenMashDbContext db, CurrentActor actor, IServiceProvider services)
    {
        _db = db;
        _actor = actor;
        var workingTime = WorkingTime = ActivatorUtilities.CreateInstance<HubWorkingTime>(services);
        Overrides = ActivatorUtilities.CreateInstance<ConsentOverrideService>(services, Clock, workingTime);
        Consent = ActivatorUtilities.CreateInstance<ConsentService>(services, Clock, Overrides);
        var sharing = ActivatorUtilities.CreateInstance<SharingDecisionService>(services, Clock, Overrides, Consent);
        Checks = ActivatorUtilities.CreateInstance<CheckService>(services, Clock, Consent, sharing, workingTime);
        Screening = ActivatorUtilities.CreateInstance<ScreeningService>(services, Clock, workingTime);
        Decisions = ActivatorUtilities.CreateInstance<DecisionService>(services, Clock, workingTime);
    }

    public DemoClock Clock { get; } = new();

    public OpenMashDbContext Db => _db;

    /// <summary>The hub's working time, read once: one <see cref="DemoWork"/> serves one hub.</summary>
    public HubWorkingTime WorkingTime { get; }

    public ScreeningService Screening { get; }

    public CheckService Checks { get; }

    public DecisionService Decisions { get; }

    public ConsentService Consent { get; }

    public ConsentOverrideService Overrides { get; }

    /// <summary>The next steps are done by this demo user (their hub, agency and roles, as when they sign in) at this time.</summary>
    public async Task<AppUser> AsAsync(string userName, DateTime atUtc, CancellationToken ct = default)
    {
        if (!_users.TryGetValue(userName, out var user))
        {
            user = await _db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName, ct);
            _users[userName] = user;
        }

        var account = DemoSeeder.Accounts.Single(a => a.UserName == userName);
        var roles = new[] { account.Role, account.AlsoHolds }.OfType<string>().Order(StringComparer.Ordinal);
        _actor.Set(new Actor(user.Id, user.UserName, user.AgencyId, user.HubId, string.Join(',', roles)));
        Clock.NowUtc = DateTime.SpecifyKind(atUtc, DateTimeKind.Utc);
        return user;
    }

    /// <summary>A step the application's rules refused: the demo data would not be what the pages make, so seeding stops.</summary>
    public static void Ok(IReadOnlyList<ValidationError> errors, string step)
    {
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"Demo step refused ({step}): {string.Join("; ", errors.Select(e => e.Message))}");
        }
    }
}
