namespace OpenMash.Web.Domain.Contacts;

/// <summary>Where a contact is in the front door. A contact waiting for partners is never closed and reopened.</summary>
public enum ContactState
{
    AwaitingScreening,
    AwaitingPartnerInformation,
    AwaitingDecision,
    Decided,
}
