namespace OpenMash.Web.Domain.Sharing;

/// <summary>
/// Where a data sharing agreement version stands. Only <see cref="Active"/> and <see cref="RevocationRequested"/>
/// are honoured by the sharing engine: an agreement takes effect only once the data owner's hub has approved it.
/// <see cref="Active"/> is the first value so that rows written before approvals existed (and the demo lines) read as
/// approved, matching the column's default.
/// </summary>
public enum AgreementStatus
{
    /// <summary>Approved by the data owner's hub: in force between its dates.</summary>
    Active = 0,

    /// <summary>Proposed by the receiving side, waiting for the data owner's administrator or IG officer: not in force.</summary>
    Proposed = 1,

    /// <summary>In force; the receiving side has asked to end it and the data owner has not yet answered.</summary>
    RevocationRequested = 2,

    /// <summary>The data owner declined the proposal: never in force.</summary>
    Declined = 3,

    /// <summary>Revoked: no longer in force. It can be reinstated only as a new agreement.</summary>
    Ended = 4,
}
