using Microsoft.AspNetCore.Authorization;

namespace OpenMash.Web.Security;

/// <summary>Named authorisation policies, one per feature folder. Every one requires a completed sign-in.</summary>
public static class Policies
{
    public const string SignedIn = "SignedIn";
    public const string Administration = "Administration";
    public const string AuditSearch = "AuditSearch";

    /// <summary>Data sharing agreements: a hub's administrators propose them; its administrators and IG officers approve and revoke.</summary>
    public const string SharingAgreements = "SharingAgreements";

    /// <summary>Hub staff who record, screen and decide contacts and open person records.</summary>
    public const string CaseWork = "CaseWork";

    /// <summary>MASH managers: decisions, dip samples, the hub's timeliness.</summary>
    public const string Manager = "Manager";

    /// <summary>Agency researchers answering checks for their own agency.</summary>
    public const string Research = "Research";

    /// <summary>Professionals outside the hub: their own referrals and their outcomes only.</summary>
    public const string Referral = "Referral";

    /// <summary>The joint child exploitation task group: its own list across both hubs, no case pages.</summary>
    public const string TaskGroup = "TaskGroup";

    /// <summary>Who read a child's record: MASH managers and information governance officers of the child's hub.</summary>
    public const string AccessHistory = "AccessHistory";

    /// <summary>Figures in aggregate: the hub dashboard.</summary>
    public const string Dashboard = "Dashboard";

    /// <summary>Screeners and managers may ask for another hub's records in an emergency.</summary>
    public const string BreakGlass = "BreakGlass";

    /// <summary>The separate permission to ask to share below threshold without consent.</summary>
    public const string ConsentOverride = "ConsentOverride";

    /// <summary>A MASH manager deciding a consent override: never one they requested (resource: the override).</summary>
    public const string DecideConsentOverride = "DecideConsentOverride";

    /// <summary>A MASH manager approving a proposed decision that is not their own (four eyes).</summary>
    public const string ApproveDecision = "ApproveDecision";

    /// <summary>An administrator deciding a role grant: never one they asked for, nor one for their own account (resource: the grant).</summary>
    public const string DecideRoleGrant = "DecideRoleGrant";

    /// <summary>A researcher answering a check: only a check sent to their own agency (resource: the check).</summary>
    public const string AnswerCheck = "AnswerCheck";

    /// <summary>A referrer reading a referral: only one they made (resource: the contact).</summary>
    public const string OwnReferral = "OwnReferral";

    /// <summary>Agency systems signed in with OAuth 2.0 client credentials (bearer token).</summary>
    public const string ApiClient = "ApiClient";

    public const string ApiClientScheme = "ApiBearer";

    public static void Configure(AuthorizationOptions options)
    {
        // Deny by default: anything without its own policy still needs a fully signed-in user.
        options.FallbackPolicy = SignedInPolicy().Build();
        options.AddPolicy(SignedIn, SignedInPolicy().Build());
        options.AddPolicy(Administration, SignedInPolicy().RequireRole(Roles.Administrator).Build());
        options.AddPolicy(SharingAgreements, SignedInPolicy().RequireRole(Roles.Administrator, Roles.InformationGovernanceOfficer).Build());
        options.AddPolicy(AuditSearch, SignedInPolicy().RequireRole(Roles.InformationGovernanceOfficer).Build());
        options.AddPolicy(CaseWork, SignedInPolicy().RequireRole(Roles.ScreeningSocialWorker, Roles.MashManager).Build());
        options.AddPolicy(Manager, SignedInPolicy().RequireRole(Roles.MashManager).Build());
        options.AddPolicy(Research, SignedInPolicy().RequireRole(Roles.AgencyResearcher).Build());
        options.AddPolicy(Referral, SignedInPolicy().RequireRole(Roles.Referrer).Build());
        options.AddPolicy(TaskGroup, SignedInPolicy().RequireRole(Roles.ExploitationTaskGroup).Build());
        options.AddPolicy(AccessHistory, SignedInPolicy().RequireRole(Roles.MashManager, Roles.InformationGovernanceOfficer).Build());
        options.AddPolicy(Dashboard, SignedInPolicy().RequireRole(Roles.MashManager, Roles.ScreeningSocialWorker, Roles.PartnershipAnalyst).Build());
        options.AddPolicy(BreakGlass, SignedInPolicy().RequireRole(Roles.ScreeningSocialWorker, Roles.MashManager).Build());
        options.AddPolicy(ConsentOverride, SignedInPolicy().RequireRole(Roles.ConsentOverride).Build());
        options.AddPolicy(DecideConsentOverride, SignedInPolicy().RequireRole(Roles.MashManager).AddRequirements(new NotTheRequesterRequirement()).Build());
        options.AddPolicy(ApproveDecision, SignedInPolicy().RequireRole(Roles.MashManager).AddRequirements(new NotTheProposerRequirement()).Build());
        options.AddPolicy(DecideRoleGrant, SignedInPolicy().RequireRole(Roles.Administrator).AddRequirements(new SecondAdministratorRequirement()).Build());
        options.AddPolicy(AnswerCheck, SignedInPolicy().RequireRole(Roles.AgencyResearcher).AddRequirements(new OwnAgencyCheckRequirement()).Build());
        options.AddPolicy(OwnReferral, SignedInPolicy().RequireRole(Roles.Referrer).AddRequirements(new OwnReferralRequirement()).Build());
        options.AddPolicy(ApiClient, new AuthorizationPolicyBuilder(ApiClientScheme).RequireAuthenticatedUser().RequireClaim(OpenMashClaims.ApiClientId).Build());
    }

    /// <summary>Signed in with a password and a second factor (or a demo account while demo mode is on).</summary>
    private static AuthorizationPolicyBuilder SignedInPolicy() =>
        new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireClaim(OpenMashClaims.SecondFactor);
}
