using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace OpenMash.Web.Security;

/// <summary>Why a request was refused, in words a manager or information governance officer reads in the access history.</summary>
public static class RefusalWords
{
    public static string For(AuthorizationFailure? failure)
    {
        var requirements = failure?.FailedRequirements.ToList() ?? [];
        if (requirements.OfType<RolesAuthorizationRequirement>().FirstOrDefault() is { } roles)
        {
            return "the user's roles do not allow this (it needs " + string.Join(" or ", roles.AllowedRoles.Select(Roles.DisplayName)) + ")";
        }

        if (requirements.OfType<DenyAnonymousAuthorizationRequirement>().Any())
        {
            return "not signed in";
        }

        if (requirements.OfType<ClaimsAuthorizationRequirement>().Any())
        {
            return "sign-in not completed (no second factor)";
        }

        return requirements.Count == 0 ? "not allowed" : "not allowed by the rules for this record";
    }
}
