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

    public const string ApproveAgreement = "Approve data sharing agreement";

    public const string ApproveAgreementRevocation = "Approve data sharing agreement revocation";

    public const string ApproveContactDecision = "Approve ContactDecision";

    public const string ApproveRoleGrant = "Approve role grant";

    public const string AccountSetUpCompleted = "Account set-up completed";

    public const string AccountSetUpLinkIssued = "Account set-up link issued";

    public const string AccountSetUpRefused = "Account set-up refused";

    public const string DeclineAgreement = "Decline data sharing agreement";

    public const string DeclineAgreementRevocation = "Decline data sharing agreement revocation";

    public const string DeclineRoleGrant = "Decline role grant";

    public const string ProposeAgreement = "Propose data sharing agreement";

    public const string ReinstateAgreement = "Reinstate data sharing agreement";

    public const string RequestAgreementRevocation = "Request data sharing agreement revocation";

    public const string RequestRoleGrant = "Request role grant";

    public const string RevokeAgreement = "Revoke data sharing agreement";

    public const string ViewAgreement = "View data sharing agreement";

    public const string AuditSearch = "AuditSearch";

    public const string BreakGlass = "Break Glass";

    public const string ChaseMultiAgencyCheck = "Chase MultiAgencyCheck";

    public const string ChaseMultiAgencyCheckByHand = "Chase MultiAgencyCheck by hand";

    public const string ExtendDecisionDue = "Extend decision due";

    public const string AllocateContact = "Allocate contact";

    public const string ConfirmConsent = "Confirm consent";

    public const string ConsentOverrideApproved = "Consent override approved";

    public const string ConsentOverrideRejected = "Consent override rejected";

    public const string ConsentOverrideRequested = "Consent override requested";

    public const string DecideConsentOverride = "Decide consent override";

    public const string EditAgency = "Edit Agency";

    public const string EditUser = "Edit User";

    public const string ChangeApiClient = "Change API Client";

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

    public const string ViewOutbox = "View outbox";

    public const string ResendEmail = "Resend e-mail";

    public const string AddClosureDay = "Add hub closure day";

    public const string RemoveClosureDay = "Remove hub closure day";

    public const string AnswerCheck = "Answer check";

    public const string CorrectCheckAnswer = "Correct check answer";

    public const string AddHouseholdPerson = "Add household person";

    public const string ChangeHouseholdRelationship = "Change household relationship";

    public const string ChangeCheckCoverage = "Change check coverage";

    public const string AmendContact = "Amend contact";

    public const string AddContactAttachment = "Add contact attachment";

    public const string AddCaseNote = "Add case note";

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

    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        [AccessRefused] = "Refused a page",
        [ApiTokenIssued] = "Agency system given an access token",
        [ApiTokenRefused] = "Agency system refused an access token",
        [ApproveAgreement] = "Approved a data sharing agreement",
        [ApproveAgreementRevocation] = "Agreed to revoke a data sharing agreement",
        [ApproveContactDecision] = "Approved a decision",
        [ApproveRoleGrant] = "Approved another administrator's role grant",
        [AccountSetUpCompleted] = "Set up their account from a set-up link",
        [AccountSetUpLinkIssued] = "Issued an account set-up link",
        [AccountSetUpRefused] = "Account set-up link refused",
        [DeclineAgreement] = "Declined a data sharing agreement",
        [DeclineAgreementRevocation] = "Kept a data sharing agreement in force",
        [DeclineRoleGrant] = "Declined another administrator's role grant",
        [ProposeAgreement] = "Proposed a data sharing agreement",
        [ReinstateAgreement] = "Proposed an ended data sharing agreement again",
        [RequestAgreementRevocation] = "Asked the data owner to revoke an agreement",
        [RequestRoleGrant] = "Asked for a role to be granted",
        [RevokeAgreement] = "Revoked a data sharing agreement",
        [ViewAgreement] = "Viewed a data sharing agreement",
        [AuditSearch] = "Searched the audit log",
        [BreakGlass] = "Emergency access (break glass)",
        [ChaseMultiAgencyCheck] = "Chased a partner check",
        [ChaseMultiAgencyCheckByHand] = "Chased an overdue partner check from the screening page",
        [ExtendDecisionDue] = "Gave a contact more time for its decision",
        [AllocateContact] = "Allocated a contact to a worker",
        [ConfirmConsent] = "Confirmed consent the referrer reported",
        [ConsentOverrideApproved] = "Approved a consent override",
        [ConsentOverrideRejected] = "Rejected a consent override",
        [ConsentOverrideRequested] = "Asked to share without consent",
        [DecideConsentOverride] = "Decided a consent override",
        [EditAgency] = "Changed an agency",
        [EditUser] = "Changed a user",
        [ChangeApiClient] = "Changed an agency system",
        [DipSampleContactDecision] = "Dip-sampled a decision",
        [DownloadContactAttachment] = "Downloaded an attachment",
        [ListReferrals] = "Listed referrals",
        [MergePerson] = "Merged two records of a person",
        [NotADuplicate] = "Marked as not the same person",
        [PasswordAccepted] = "Password accepted",
        [ProposeContactDecision] = "Proposed a decision",
        [RecordConsent] = "Recorded consent",
        [RecordSharingDecision] = "Recorded a sharing decision",
        [RecordStrategyDiscussion] = "Recorded a strategy discussion",
        [RequestChecks] = "Asked partners for checks",
        [RequestConsentOverride] = "Asked to share without consent",
        [ReviewBreakGlass] = "Reviewed emergency access",
        [SearchPeople] = "Searched for people",
        [SessionEnded] = "Session ended",
        [SharingDecision] = "Sharing decision",
        [SignIn] = "Signed in",
        [SignInFailed] = "Sign-in failed",
        [SignInLockedOut] = "Sign-in locked out",
        [SignOut] = "Signed out",
        [SubjectAccessExport] = "Produced a subject access export",
        [TwoFactorSetUpFailed] = "Two-factor set-up failed",
        [UnmergePerson] = "Undid a merge",
        [ViewAccessHistory] = "Viewed the access history",
        [ViewBreakGlassGrant] = "Viewed an emergency access grant",
        [ViewConsent] = "Viewed consent",
        [ViewConsentHistory] = "Viewed the consent history",
        [ViewConsentOverride] = "Viewed a consent override",
        [ViewConsentOverrides] = "Viewed consent overrides",
        [ViewContact] = "Viewed a contact",
        [ViewContactDecision] = "Viewed a decision",
        [ViewContactTimeline] = "Viewed a contact's timeline",
        [ViewDipSample] = "Viewed a dip sample",
        [ViewDuplicateQueue] = "Viewed possible duplicates",
        [ViewMerges] = "Viewed merges",
        [ViewMultiAgencyCheck] = "Viewed a partner check",
        [ViewOtherHubPerson] = "Looked up the other hub's record",
        [ViewPartnerInformation] = "Viewed partners' information",
        [ViewPerson] = "Viewed a person's record",
        [ViewPossibleMatches] = "Viewed possible existing records",
        [ViewReferral] = "Viewed a referral",
        [ViewStrategyDiscussion] = "Viewed a strategy discussion",
        [ViewTaskGroupList] = "Viewed the task group list",
        [ViewTaskGroupRecord] = "Viewed a task group record",
        [ViewOutbox] = "Viewed the hub's outbox of e-mails",
        [ResendEmail] = "Queued again an e-mail that could not be sent",
        [AddClosureDay] = "Added a day the hub is closed",
        [RemoveClosureDay] = "Removed a day the hub is closed",
        [AnswerCheck] = "Answered a partner check",
        [CorrectCheckAnswer] = "Corrected a partner check answer",
        [AddHouseholdPerson] = "Added a person to a contact's household",
        [ChangeHouseholdRelationship] = "Changed a relationship in a contact's household",
        [ChangeCheckCoverage] = "Included or left out a person from partner checks",
        [AmendContact] = "Amended a contact's recorded details, with a reason",
        [AddContactAttachment] = "Added an attachment to a recorded contact",
        [AddCaseNote] = "Added a case note to a contact",
    };

    /// <summary>
    /// The action in people's words, for the audit search and access history pages (the stored names stay as they are,
    /// since earlier rows are hash-chained): "Viewed a contact", "Created multi agency check".
    /// </summary>
    public static string DisplayName(string action)
    {
        if (Words.TryGetValue(action, out var words))
        {
            return words;
        }

        var space = action.IndexOf(' ', StringComparison.Ordinal);
        var verb = space < 0 ? null : action[..space] switch
        {
            "Create" => "Created",
            "Update" => "Changed",
            "Delete" => "Deleted",
            _ => null,
        };
        return verb is null ? action : verb + " " + SplitWords(action[(space + 1)..]);
    }

    /// <summary>"MultiAgencyCheck" as "multi agency check".</summary>
    private static string SplitWords(string typeName) =>
        string.Concat(typeName.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <summary>The action recorded for a change to a sharing agreement.</summary>
    public static string For(AgreementChange change) => change switch
    {
        AgreementChange.Approve => ApproveAgreement,
        AgreementChange.Decline => DeclineAgreement,
        AgreementChange.Revoke => RevokeAgreement,
        AgreementChange.RequestRevocation => RequestAgreementRevocation,
        AgreementChange.ApproveRevocation => ApproveAgreementRevocation,
        AgreementChange.DeclineRevocation => DeclineAgreementRevocation,
        _ => ReinstateAgreement,
    };
}
