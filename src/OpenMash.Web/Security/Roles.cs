namespace OpenMash.Web.Security;

/// <summary>The roles a user of OpenMash can hold. The names are stored in the database.</summary>
public static class Roles
{
    public const string ScreeningSocialWorker = "ScreeningSocialWorker";
    public const string MashManager = "MashManager";
    public const string AgencyResearcher = "AgencyResearcher";
    public const string Referrer = "Referrer";
    public const string PartnershipAnalyst = "PartnershipAnalyst";
    public const string InformationGovernanceOfficer = "InformationGovernanceOfficer";
    public const string Administrator = "Administrator";

    /// <summary>A separate permission, held alongside screening or manager roles: may ask to share below threshold without consent.</summary>
    public const string ConsentOverride = "ConsentOverride";

    /// <summary>A member of the joint child exploitation task group: sees across both hubs only what its agreements allow.</summary>
    public const string ExploitationTaskGroup = "ExploitationTaskGroup";

    public static readonly IReadOnlyList<string> All =
    [
        ScreeningSocialWorker, MashManager, AgencyResearcher, Referrer, PartnershipAnalyst,
        InformationGovernanceOfficer, Administrator, ConsentOverride, ExploitationTaskGroup,
    ];

    /// <summary>Roles that open children's records; an administrator may hold none of them.</summary>
    public static readonly IReadOnlyList<string> CaseRoles = [ScreeningSocialWorker, MashManager, AgencyResearcher, Referrer, ExploitationTaskGroup];

    /// <summary>
    /// Roles an administrator may only ask for: the account holds one once a second administrator of the hub approves
    /// it (separation of duties). The case roles and consent override open children's records; administrator gives
    /// the power to approve, so one administrator cannot make a second to approve their own requests.
    /// </summary>
    public static readonly IReadOnlyList<string> NeedSecondAdministrator = [.. CaseRoles, ConsentOverride, Administrator];

    /// <summary>Why this combination of roles is not allowed, or null when it is.</summary>
    public static string? CombinationProblem(IReadOnlyCollection<string> roles) =>
        roles.Contains(Administrator) && roles.Any(CaseRoles.Contains)
            ? "An administrator cannot also hold a role that opens children's records (screening social worker, MASH manager, agency researcher, referrer or exploitation task group member)"
            : roles.Contains(ConsentOverride) && !roles.Contains(ScreeningSocialWorker) && !roles.Contains(MashManager)
                ? "Consent override can only be held alongside the screening social worker or MASH manager role"
                : null;

    public static string DisplayName(string role) => role switch
    {
        ScreeningSocialWorker => "Screening social worker",
        MashManager => "MASH manager",
        AgencyResearcher => "Agency researcher",
        Referrer => "Referrer",
        PartnershipAnalyst => "Partnership analyst",
        InformationGovernanceOfficer => "Information governance officer",
        Administrator => "Administrator",
        ConsentOverride => "Consent override (share below threshold without consent, with a manager's approval)",
        ExploitationTaskGroup => "Exploitation task group member",
        _ => role,
    };
}
