using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using OpenMash.Web.Features.Checks;
using OpenMash.Web.Features.Consent;
using OpenMash.Web.Features.Contacts;

namespace OpenMash.Web.Security;

/// <summary>
/// A requirement whose refusal must not tell the user that the record exists: the record guard answers 404, as for
/// a record of another hub, rather than 403.
/// </summary>
public interface IHidesExistence;

/// <summary>The decider of a consent override is not the practitioner who requested it (four eyes).</summary>
public sealed class NotTheRequesterRequirement : IAuthorizationRequirement;

/// <summary>A researcher sees and answers only the checks sent to their own agency.</summary>
public sealed class OwnAgencyCheckRequirement : IAuthorizationRequirement, IHidesExistence;

/// <summary>A referrer sees only the referrals they made.</summary>
public sealed class OwnReferralRequirement : IAuthorizationRequirement, IHidesExistence;

public sealed class NotTheRequesterHandler : AuthorizationHandler<NotTheRequesterRequirement, ConsentOverrideRequest>
{
    public const string Refusal = "You requested this override: another manager must approve or reject it";

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, NotTheRequesterRequirement requirement, ConsentOverrideRequest resource)
    {
        if (context.User.UserId() is { } user && user != resource.RequestedByUserId)
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new AuthorizationFailureReason(this, Refusal));
        }

        return Task.CompletedTask;
    }
}

public sealed class OwnAgencyCheckHandler : AuthorizationHandler<OwnAgencyCheckRequirement, MultiAgencyCheck>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OwnAgencyCheckRequirement requirement, MultiAgencyCheck resource)
    {
        if (Guid.TryParse(context.User.FindFirstValue(OpenMashClaims.AgencyId), out var agency) && agency == resource.AgencyId)
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new AuthorizationFailureReason(this, "not a check for the user's agency in this hub"));
        }

        return Task.CompletedTask;
    }
}

public sealed class OwnReferralHandler : AuthorizationHandler<OwnReferralRequirement, Contact>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OwnReferralRequirement requirement, Contact resource)
    {
        if (context.User.UserId() is { } user && user == resource.ReferrerUserId)
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new AuthorizationFailureReason(this, "not a referral of this user"));
        }

        return Task.CompletedTask;
    }
}

public static class AuthorizationServiceCollectionExtensions
{
    /// <summary>The named policies, the handlers of the requirements that depend on a record, and auditing of every refusal.</summary>
    public static IServiceCollection AddOpenMashAuthorization(this IServiceCollection services)
    {
        services.AddAuthorization(Policies.Configure);
        services.AddSingleton<IAuthorizationHandler, NotTheRequesterHandler>();
        services.AddSingleton<IAuthorizationHandler, OwnAgencyCheckHandler>();
        services.AddSingleton<IAuthorizationHandler, OwnReferralHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, AuditingAuthorizationResultHandler>();
        return services;
    }
}
