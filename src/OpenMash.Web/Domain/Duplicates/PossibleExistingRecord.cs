namespace OpenMash.Web.Domain.Duplicates;

/// <summary>
/// At intake, the matcher found that a person described in a contact may be someone the hub already knows. The
/// contact's own record (<see cref="PersonId"/>) is kept until a screener confirms (it is then merged into
/// <see cref="CandidateId"/>, undoably) or rejects the suggestion. An exact NHS number with an agreeing date of birth
/// is linked at once (<see cref="PossibleRecordState.LinkedAutomatically"/>), also undoably.
/// </summary>
public sealed class PossibleExistingRecord : IHubScoped, IAuditSubjects
{
    public Guid Id { get; set; }

    public Guid HubId { get; set; }

    public Guid ContactId { get; set; }

    /// <summary>The record made from the contact's description of the person.</summary>
    public Guid PersonId { get; set; }

    /// <summary>The hub's existing record the matcher suggested.</summary>
    public Guid CandidateId { get; set; }

    /// <summary>The matcher's probability when the contact arrived (pages show the current one).</summary>
    public double ProbabilityAtIntake { get; set; }

    public PossibleRecordState State { get; private set; }

    public DateTime SuggestedAtUtc { get; set; }

    public DateTime? DecidedAtUtc { get; private set; }

    /// <summary>Who confirmed, rejected or undid it; null for an automatic link or an API client.</summary>
    public Guid? DecidedByUserId { get; private set; }

    /// <summary>The merge that made the link (confirmed or automatic), so that it can be undone.</summary>
    public Guid? MergeId { get; private set; }

    public IEnumerable<Guid> AuditSubjects => [PersonId, CandidateId];

    public bool IsOpen => State == PossibleRecordState.Open;

    public bool IsLinked => State is PossibleRecordState.Confirmed or PossibleRecordState.LinkedAutomatically;

    public static PossibleExistingRecord Suggest(Guid hubId, Guid contactId, Guid personId, Guid candidateId, double probability, DateTime nowUtc) => new()
    {
        Id = Guid.NewGuid(),
        HubId = hubId,
        ContactId = contactId,
        PersonId = personId,
        CandidateId = candidateId,
        ProbabilityAtIntake = probability,
        State = PossibleRecordState.Open,
        SuggestedAtUtc = nowUtc,
    };

    public static PossibleExistingRecord LinkedByIdentifier(Guid hubId, Guid contactId, Guid personId, Guid candidateId, double probability, Guid mergeId, DateTime nowUtc) => new()
    {
        Id = Guid.NewGuid(),
        HubId = hubId,
        ContactId = contactId,
        PersonId = personId,
        CandidateId = candidateId,
        ProbabilityAtIntake = probability,
        State = PossibleRecordState.LinkedAutomatically,
        SuggestedAtUtc = nowUtc,
        DecidedAtUtc = nowUtc,
        MergeId = mergeId,
    };

    public void Confirm(Guid? userId, Guid mergeId, DateTime nowUtc)
    {
        RequireOpen();
        State = PossibleRecordState.Confirmed;
        MergeId = mergeId;
        DecidedByUserId = userId;
        DecidedAtUtc = nowUtc;
    }

    public void Reject(Guid? userId, DateTime nowUtc)
    {
        RequireOpen();
        State = PossibleRecordState.Rejected;
        DecidedByUserId = userId;
        DecidedAtUtc = nowUtc;
    }

    /// <summary>Records that the link was undone (its merge was unmerged): the contact's own record is back.</summary>
    public void Undo(Guid? userId, DateTime nowUtc)
    {
        if (!IsLinked)
        {
            throw new InvalidOperationException($"Only a linked record can be unlinked; this one is {State}.");
        }

        State = PossibleRecordState.Undone;
        DecidedByUserId = userId;
        DecidedAtUtc = nowUtc;
    }

    private void RequireOpen()
    {
        if (State != PossibleRecordState.Open)
        {
            throw new InvalidOperationException($"This suggestion was already decided ({State}).");
        }
    }
}
