namespace OpenMash.Web.Domain.Sharing;

public enum SharingDecisionOrigin
{
    /// <summary>Written automatically when checks went to a partner.</summary>
    ChecksRequested,

    /// <summary>Recorded by a screener, e.g. a decision to share with a GP or school, or not to share.</summary>
    Recorded,
}
