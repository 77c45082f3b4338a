namespace OpenMash.Web.Security;

/// <summary>
/// What a page or service behind a hub policy may rely on: the actor works in a hub, is a signed-in user, belongs
/// to an agency. Each throws for an actor without it, which the policies in front of such code never let through.
/// </summary>
public static class ActorRequirements
{
    extension(Actor actor)
    {
        /// <summary>The hub of an actor who must work in one.</summary>
        public Guid RequiredHubId => actor.HubId ?? throw new InvalidOperationException("Only someone working in a hub can do this.");

        /// <summary>The user of an actor who must be a signed-in user (not a system or anonymous actor).</summary>
        public Guid RequiredUserId => actor.UserId ?? throw new InvalidOperationException("Only a signed-in user can do this.");

        /// <summary>The agency of an actor who must belong to one.</summary>
        public Guid RequiredAgencyId => actor.AgencyId ?? throw new InvalidOperationException("Only someone of an agency can do this.");
    }
}
