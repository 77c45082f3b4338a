using Microsoft.AspNetCore.Authorization;

namespace OpenMash.Web.Security;

/// <summary>Separation of duties: a role grant is decided by a second administrator, not the one who asked for it nor the account itself.</summary>
public sealed class SecondAdministratorRequirement : IExplainedRequirement
{
    public string Refusal => "You asked for this role, or it is for your own account: another administrator of this hub must approve or decline it";
}

public sealed class SecondAdministratorHandler : AuthorizationHandler<SecondAdministratorRequirement, RoleGrant>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, SecondAdministratorRequirement requirement, RoleGrant resource)
    {
        if (context.User.UserId() is { } user && resource.MayBeDecidedBy(user))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
