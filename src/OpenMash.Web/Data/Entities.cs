using Microsoft.AspNetCore.Identity;

namespace OpenMash.Web.Data;

/// <summary>A record that belongs to one hub; the DbContext filters every query on it by the current hub.</summary>
public interface IHubScoped
{
    Guid HubId { get; }
}

/// <summary>One multi-agency safeguarding hub (the tenant).</summary>
public sealed class Hub
{
    public Guid Id { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    public List<AgencyHub> Agencies { get; set; } = [];
}

public sealed class Agency
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    public AgencyType Type { get; set; }

    public bool IsLeadSafeguardingPartner { get; set; }

    public bool IsDisabled { get; set; }

    public List<AgencyHub> Hubs { get; set; } = [];
}

/// <summary>An agency serves a hub; one police force can serve two hubs.</summary>
public sealed class AgencyHub
{
    public Guid AgencyId { get; set; }

    public Agency Agency { get; set; } = null!;

    public Guid HubId { get; set; }

    public Hub Hub { get; set; } = null!;
}

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

    /// <summary>Working days after the decision within which the referrer must be told the outcome.</summary>
    public int FeedbackWithinWorkingDays { get; set; } = 1;

    /// <summary>Share (per cent) of no-further-action decisions set aside for a second manager's dip sample.</summary>
    public int NoFurtherActionDipSamplePercent { get; set; } = 10;

    /// <summary>The last contact number issued in this hub; contact references count up from it.</summary>
    public long LastContactNumber { get; set; }
}

public sealed class AppUser : IdentityUser<Guid>
{
    public required string DisplayName { get; set; }

    public Guid AgencyId { get; set; }

    public Agency Agency { get; set; } = null!;

    /// <summary>The hub this person works in; their agency must serve it.</summary>
    public Guid HubId { get; set; }

    public Hub Hub { get; set; } = null!;

    public bool IsDisabled { get; set; }

    /// <summary>Seeded demo accounts may skip two-factor sign-in, and only while demo mode is on.</summary>
    public bool IsDemoAccount { get; set; }

    /// <summary>The last TOTP time step accepted, so that a code is accepted once only.</summary>
    public long? LastTotpTimeStep { get; set; }
}

public sealed class AppRole : IdentityRole<Guid>
{
}
