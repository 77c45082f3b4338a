namespace OpenMash.Web.Domain.Contacts;

public sealed class ContactSubject : IHubScoped
{
    public Guid ContactId { get; set; }

    public Guid PersonId { get; set; }

    public Guid HubId { get; set; }

    public SubjectRole Role { get; set; }

    /// <summary>The screener left this adult out of the partner checks not yet sent, with <see cref="LeftOutReason"/>.</summary>
    public bool LeftOutOfChecks { get; private set; }

    public string? LeftOutReason { get; private set; }

    /// <summary>Leaves an adult out of checks sent from now on; a child is always checked.</summary>
    public void LeaveOutOfChecks(string reason)
    {
        if (Role == SubjectRole.Child)
        {
            throw new InvalidOperationException("A check always covers the children named in the contact.");
        }

        LeftOutOfChecks = true;
        LeftOutReason = reason;
    }

    public void IncludeInChecks()
    {
        LeftOutOfChecks = false;
        LeftOutReason = null;
    }
}
