namespace OpenMash.Web.Domain.Duplicates;

/// <summary>Where a "possible existing record" suggested at intake stands.</summary>
public enum PossibleRecordState
{
    /// <summary>Waiting for the screener to confirm or reject.</summary>
    Open = 0,

    /// <summary>The screener confirmed it: the contact's record was merged into the existing one.</summary>
    Confirmed = 1,

    /// <summary>The screener said it is a different person.</summary>
    Rejected = 2,

    /// <summary>Same NHS number and date of birth: linked when the contact arrived, without asking.</summary>
    LinkedAutomatically = 3,

    /// <summary>A link (automatic or confirmed) that someone then undid: the contact has its own record again.</summary>
    Undone = 4,
}
