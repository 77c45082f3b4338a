using Microsoft.EntityFrameworkCore;

namespace OpenMash.Web.Auditing;

/// <summary>
/// Every audit action name, in one place, used by code and tests alike. The names are stored in the hash-chained
/// audit log, so an existing name is never changed: add a new one instead.
/// </summary>
public static class AuditActions
{
    public const string AccessRefused = "AccessRefused";

    public const string ApiTokenIssued = "ApiTokenIssued";

    public const string ApiTokenRefused = "ApiTokenRefused";

    public const string ApproveContactDecision = "Approve ContactDecision";

    public const string AuditSearch = "AuditSearch";

    public const string BreakGlass = "Break Glass";

    public const string ChaseMultiAgencyCheck = "Chase MultiAgencyCheck";

    public const string ConsentOverrideApproved = "Consent override approved";

    public const string ConsentOverrideRejected = "Consent override rejected";

    public const string ConsentOverrideRequested = "Consent override requested";

    public const string DecideConsentOverride = "Decide consent override";

    public const string EditAgency = "Edit Agency";

    public const string EditUser = "Edit User";

    public const string DipSampleContactDecision = "Dip sample ContactDecision";

    public const string DownloadContactAttachment = "Download ContactAttachment";

    public const string ListReferrals = "List Referrals";

    public const string MergePerson = "Merge Person";

    public const string NotADuplicate = "Not A Duplicate";

    public const string PasswordAccepted = "PasswordAccepted";

    public const string ProposeContactDecision = "Propose ContactDecision";

    public const string RecordConsent = "Record consent";

    public const string RecordSharingDecision = "Record sharing decision";

    public const string RecordStrategyDiscussion = "Record StrategyDiscussion";

    public const string RequestChecks = "Request checks";

    public const string RequestConsentOverride = "Request consent override";

    public const string ReviewBreakGlass = "Review Break Glass";

    public const string SearchPeople = "Search People";

    public const string SessionEnded = "SessionEnded";

    public const string SharingDecision = "Sharing Decision";

    public const string SignIn = "SignIn";

    public const string SignInFailed = "SignInFailed";

    public const string SignInLockedOut = "SignInLockedOut";

    public const string SignOut = "SignOut";

    public const string SubjectAccessExport = "Subject Access Export";

    public const string TwoFactorSetUpFailed = "TwoFactorSetUpFailed";

    public const string UnmergePerson = "Unmerge Person";

    public const string ViewAccessHistory = "View Access History";

    public const string ViewBreakGlassGrant = "View Break Glass Grant";

    public const string ViewConsent = "View consent";

    public const string ViewConsentHistory = "View consent history";

    public const string ViewConsentOverride = "View consent override";

    public const string ViewConsentOverrides = "View consent overrides";

    public const string ViewContact = "View Contact";

    public const string ViewContactDecision = "View ContactDecision";

    public const string ViewContactTimeline = "View Contact timeline";

    public const string ViewDipSample = "View dip sample";

    public const string ViewDuplicateQueue = "View Duplicate Queue";

    public const string ViewMerges = "View Merges";

    public const string ViewMultiAgencyCheck = "View MultiAgencyCheck";

    public const string ViewOtherHubPerson = "View Other Hub Person";

    public const string ViewPartnerInformation = "View PartnerInformation";

    public const string ViewPerson = "View Person";

    public const string ViewPossibleMatches = "View Possible Matches";

    public const string ViewReferral = "View Referral";

    public const string ViewStrategyDiscussion = "View StrategyDiscussion";

    public const string ViewTaskGroupList = "View TaskGroupList";

    public const string ViewTaskGroupRecord = "View TaskGroupRecord";

    /// <summary>Every named action above (not the per-record change names).</summary>
    public static IReadOnlyList<string> All { get; } =
        typeof(AuditActions).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();

    /// <summary>A record of <paramref name="recordType"/> was created (written for every save).</summary>
    public static string Created(string recordType) => "Create " + recordType;

    /// <summary>A record of <paramref name="recordType"/> was changed (written for every save).</summary>
    public static string Updated(string recordType) => "Update " + recordType;

    /// <summary>A record of <paramref name="recordType"/> was deleted (written for every save).</summary>
    public static string Deleted(string recordType) => "Delete " + recordType;

    public static string Changed(EntityState state, string recordType) => state switch
    {
        EntityState.Added => Created(recordType),
        EntityState.Modified => Updated(recordType),
        EntityState.Deleted => Deleted(recordType),
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Only created, changed and deleted records are audited."),
    };
}
