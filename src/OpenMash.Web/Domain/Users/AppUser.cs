using Microsoft.AspNetCore.Identity;

namespace OpenMash.Web.Domain.Users;

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
