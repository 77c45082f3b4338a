namespace OpenMash.Web.Domain.Sharing;

/// <summary>A change one side of an agreement can make to it; each needs a reason and a confirmation.</summary>
public enum AgreementChange
{
    /// <summary>The data owner approves a proposal: it takes effect.</summary>
    Approve,

    /// <summary>The data owner declines a proposal.</summary>
    Decline,

    /// <summary>The data owner ends the agreement at once.</summary>
    Revoke,

    /// <summary>The receiving side asks the data owner to end the agreement; it stays in force until the owner approves.</summary>
    RequestRevocation,

    /// <summary>The data owner agrees to the receiving side's request: the agreement ends.</summary>
    ApproveRevocation,

    /// <summary>The data owner keeps the agreement in force after a request to end it.</summary>
    DeclineRevocation,

    /// <summary>Either side proposes an ended or declined agreement again, as a new agreement linked to the old one.</summary>
    Reinstate,
}
