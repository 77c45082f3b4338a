using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace OpenMash.Web.Security;

/// <summary>
/// A requirement whose refusal must not tell the user that the record exists: the record guard answers 404, as for
/// a record of another hub, rather than 403.
/// </summary>
public interface IHidesExistence;

/// <summary>
/// A requirement that says why it was not met: the guard writes it as the audit row's detail (and, for a 403, the
/// error page shows it). Its handler only succeeds; one that is not met stays among the failed requirements.
/// </summary>
public interface IExplainedRequirement : IAuthorizationRequirement
{
    string Refusal { get; }
}

/// <summary>The decider of a consent override is not the practitioner who requested it (four eyes).</summary>
public sealed class NotTheRequesterRequirement : IExplainedRequirement
{
    public string Refusal => "You requested this override: another manager must approve or reject it";
}

/// <summary>The manager who approves a decision is not the one who proposed it (four eyes).</summary>
public sealed class NotTheProposerRequirement : IExplainedRequirement
{
    public const string Message = "You proposed this decision, so another manager must approve it";

    public string Refusal => Message;
}

/// <summary>A researcher sees and answers only the checks sent to their own agency.</summary>
public sealed class OwnAgencyCheckRequirement : IExplainedRequirement, IHidesExistence
{
    public string Refusal => "not a check for the user's agency in this hub";
}

/// <summary>
/// A referrer sees the referrals they made, and those their colleagues at the same agency made on the referral page
/// (a school sees its own staff's referrals); never a contact merely carrying their e-mail address.
/// </summary>
public sealed class OwnReferralRequirement : IExplainedRequirement, IHidesExistence
{
    public string Refusal => "not a referral of this user";
}

public sealed class NotTheRequesterHandler : AuthorizationHandler<NotTheRequesterRequirement, ConsentOverrideRequest>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, NotTheRequesterRequirement requirement, ConsentOverrideRequest resource)
    {
        if (context.User.UserId() is { } user && user != resource.RequestedByUserId)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

public sealed class NotTheProposerHandler : AuthorizationHandler<NotTheProposerRequirement, ContactDecision>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, NotTheProposerRequirement requirement, ContactDecision resource)
    {
        if (context.User.UserId() is { } user && user != resource.ProposedByUserId)
        {
            context.Succeed(requirement);
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

        return Task.CompletedTask;
    }
}

public sealed class OwnReferralHandler : AuthorizationHandler<OwnReferralRequirement, Contact>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OwnReferralRequirement requirement, Contact resource)
    {
        if (IsReferralOf(context.User.UserId(), Guid.TryParse(context.User.FindFirstValue(OpenMashClaims.AgencyId), out var agency) ? agency : null, resource))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Made by this user, or made by a signed-in referrer of this user's agency: a referral made on the page carries the
    /// maker's account and agency, both from their sign-in (an agency system's contact carries no account).
    /// </summary>
    public static bool IsReferralOf(Guid? userId, Guid? agencyId, Contact contact) =>
        contact.ReferrerUserId is { } maker
        && (maker == userId || (agencyId is not null && contact.SourceAgencyId == agencyId));
}

public static class AuthorizationServiceCollectionExtensions
{
    /// <summary>The named policies, the handlers of the requirements that depend on a record, and auditing of every refusal.</summary>
    public static IServiceCollection AddOpenMashAuthorization(this IServiceCollection services)
    {
        services.AddAuthorization(Policies.Configure);
        services.AddSingleton<IAuthorizationHandler, NotTheRequesterHandler>();
        services.AddSingleton<IAuthorizationHandler, NotTheProposerHandler>();
        services.AddSingleton<IAuthorizationHandler, OwnAgencyCheckHandler>();
        services.AddSingleton<IAuthorizationHandler, OwnReferralHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, AuditingAuthorizationResultHandler>();
        return services;
    }
}
