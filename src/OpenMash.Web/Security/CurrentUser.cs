using System.Security.Claims;

namespace OpenMash.Web.Security;

/// <summary>Claim types OpenMash adds to a signed-in user.</summary>
public static class OpenMashClaims
{
    public const string AgencyId = "om:agency";
    public const string AgencyType = "om:agency-type";
    public const string HubId = "om:hub";
    public const string DisplayName = "om:name";
    public const string SecondFactor = "om:2fa";
    public const string SignedInAt = "om:signed-in-at";

    /// <summary>The server-side session (<see cref="UserSession"/>) the sign-in cookie belongs to.</summary>
    public const string SessionId = "om:session";
    public const string ApiClientId = "om:api-client";

    public const string SecondFactorTotp = "totp";
    public const string SecondFactorDemoExempt = "demo-exempt";
}

public static class ClaimsPrincipalRoles
{
    /// <summary>The signed-in user's roles as a set (for showing them; deciding goes through a policy).</summary>
    public static IReadOnlySet<string> RoleSet(this ClaimsPrincipal user) =>
        user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);

    public static Guid? UserId(this ClaimsPrincipal user) => Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}

/// <summary>
/// Who is acting, as written into audit rows and used to filter records by hub. <see cref="Roles"/> is the audit
/// column's form (comma-joined, ordered); code asks <see cref="RoleSet"/> or <see cref="HasRole"/>, and decisions
/// about what a user may do are named policies (<see cref="Policies"/>), never a reading of this string.
/// </summary>
public sealed record Actor(Guid? UserId, string? UserName, Guid? AgencyId, Guid? HubId, string? Roles)
{
    public static readonly Actor Anonymous = new(null, null, null, null, null);

    /// <summary>The roles held, as a set: the one place the audit form is read back.</summary>
    public IReadOnlySet<string> RoleSet => Roles is { Length: > 0 } joined
        ? joined.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal)
        : EmptyRoles;

    private static readonly IReadOnlySet<string> EmptyRoles = new HashSet<string>(StringComparer.Ordinal);

    public bool HasRole(string role) => RoleSet.Contains(role);

    public static Actor System(string name, Guid? hubId = null) => new(null, "system:" + name, null, hubId, null);

    public static Actor FromPrincipal(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return Anonymous;
        }

        return new Actor(
            ParseGuid(user.FindFirstValue(ClaimTypes.NameIdentifier)),
            user.FindFirstValue(ClaimTypes.Name),
            ParseGuid(user.FindFirstValue(OpenMashClaims.AgencyId)),
            ParseGuid(user.FindFirstValue(OpenMashClaims.HubId)),
            string.Join(',', user.RoleSet().Order(StringComparer.Ordinal)) is { Length: > 0 } r ? r : null);
    }

    private static Guid? ParseGuid(string? value) => Guid.TryParse(value, out var g) ? g : null;
}

/// <summary>
/// The actor for this scope: the signed-in user of the HTTP request, or a system actor set by a command verb or
/// the demo seeder. Anonymous (no hub) by default, so that hub-filtered queries return nothing.
/// </summary>
public sealed class CurrentActor(IHttpContextAccessor http)
{
    private Actor? _override;

    public Actor Value => _override ?? Actor.FromPrincipal(http.HttpContext?.User);

    public void Set(Actor actor) => _override = actor;
}
