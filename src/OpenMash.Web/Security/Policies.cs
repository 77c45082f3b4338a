using Microsoft.AspNetCore.Authorization;

namespace OpenMash.Web.Security;

/// <summary>Named authorisation policies, one per feature folder. Every one requires a completed sign-in.</summary>
public static class Policies
{
    public const string SignedIn = "SignedIn";
    public const string Administration = "Administration";
    public const string AuditSearch = "AuditSearch";

    public static void Configure(AuthorizationOptions options)
    {
        // Deny by default: anything without its own policy still needs a fully signed-in user.
        options.FallbackPolicy = SignedInPolicy().Build();
        options.AddPolicy(SignedIn, SignedInPolicy().Build());
        options.AddPolicy(Administration, SignedInPolicy().RequireRole(Roles.Administrator).Build());
        options.AddPolicy(AuditSearch, SignedInPolicy().RequireRole(Roles.InformationGovernanceOfficer).Build());
    }

    /// <summary>Signed in with a password and a second factor (or a demo account while demo mode is on).</summary>
    private static AuthorizationPolicyBuilder SignedInPolicy() =>
        new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireClaim(OpenMashClaims.SecondFactor);
}
