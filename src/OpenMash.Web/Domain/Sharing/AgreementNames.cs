namespace OpenMash.Web.Domain.Sharing;

/// <summary>Agreement states and changes in people's words.</summary>
public static class AgreementNames
{
    public static string DisplayName(this AgreementStatus status) => status switch
    {
        AgreementStatus.Active => "Approved",
        AgreementStatus.Proposed => "Awaiting the data owner's approval",
        AgreementStatus.RevocationRequested => "In force, asked to end",
        AgreementStatus.Declined => "Declined",
        _ => "Ended",
    };

    /// <summary>The button and heading for a change: "Approve this agreement".</summary>
    public static string DisplayName(this AgreementChange change) => change switch
    {
        AgreementChange.Approve => "Approve this agreement",
        AgreementChange.Decline => "Decline this agreement",
        AgreementChange.Revoke => "Revoke this agreement now",
        AgreementChange.RequestRevocation => "Ask the data owner to revoke this agreement",
        AgreementChange.ApproveRevocation => "Agree to revoke this agreement",
        AgreementChange.DeclineRevocation => "Keep this agreement in force",
        _ => "Propose this agreement again",
    };

    /// <summary>What happened, for notices and confirmation pages: "approved".</summary>
    public static string PastTense(this AgreementChange change) => change switch
    {
        AgreementChange.Approve => "approved",
        AgreementChange.Decline => "declined",
        AgreementChange.Revoke => "revoked",
        AgreementChange.RequestRevocation => "asked the data owner to revoke",
        AgreementChange.ApproveRevocation => "agreed to revoke",
        AgreementChange.DeclineRevocation => "kept in force after a request to revoke",
        _ => "proposed again",
    };
}
