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

    public static readonly IReadOnlyList<string> All =
    [
        ScreeningSocialWorker, MashManager, AgencyResearcher, Referrer, PartnershipAnalyst,
        InformationGovernanceOfficer, Administrator,
    ];

    public static string DisplayName(string role) => role switch
    {
        ScreeningSocialWorker => "Screening social worker",
        MashManager => "MASH manager",
        AgencyResearcher => "Agency researcher",
        Referrer => "Referrer",
        PartnershipAnalyst => "Partnership analyst",
        InformationGovernanceOfficer => "Information governance officer",
        Administrator => "Administrator",
        _ => role,
    };
}
