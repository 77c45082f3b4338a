namespace OpenMash.Web.Domain.Contacts;

/// <summary>A concern about one or more children, however it arrived.</summary>
public sealed class Contact : IHubScoped, IAuditSubjects
{
    public Guid Id { get; set; }

    public Guid HubId { get; set; }

    /// <summary>The reference people quote, e.g. STAFFS-2026-000123.</summary>
    public required string Reference { get; set; }

    public DateTime ReceivedAtUtc { get; set; }

    public ContactChannel Channel { get; set; }

    public required string ReferrerName { get; set; }

    public string? ReferrerRole { get; set; }

    public string? ReferrerAgency { get; set; }

    public string? ReferrerPhone { get; set; }

    public string? ReferrerEmail { get; set; }

    public string? ReferrerRelationship { get; set; }

    /// <summary>The referrer's own account, when they submitted it themselves; they see its outcome.</summary>
    public Guid? ReferrerUserId { get; set; }

    /// <summary>The agency that sent it (a referrer's school, an API client's agency).</summary>
    public Guid? SourceAgencyId { get; set; }

    /// <summary>The member of hub staff who recorded it.</summary>
    public Guid? RecordedByUserId { get; set; }

    public List<ConcernCategory> ConcernCategories { get; set; } = [];

    public required string WhatHappened { get; set; }

    public string? ReferrerRequest { get; set; }

    /// <summary>The child's own words, wishes and feelings.</summary>
    public string? ChildsVoice { get; set; }

    public string? AdditionalNeeds { get; set; }

    public bool? FamilyAware { get; set; }

    public bool? FamilyConsented { get; set; }

    public string? NoConsentReason { get; set; }

    public bool? ReferrerSpokenTo { get; set; }

    public ReferralSource ReferralSource { get; set; }

    private ContactState _state;

    /// <summary>
    /// Set when the contact is created (a new contact, or one brought across from another system); after that it moves
    /// only through <see cref="MarkScreened"/>, <see cref="RequestChecks"/>, <see cref="ChecksCompleted"/> and
    /// <see cref="Decide"/>, which refuse a move the front door does not allow.
    /// </summary>
    public ContactState State { get => _state; init => _state = value; }

    public RagRating? Rag { get; set; }

    public DateTime? ChecksDueUtc { get; set; }

    public DateTime? DecisionDueUtc { get; set; }

    public DateTime? ScreenedAtUtc { get; set; }

    public DateTime? ChecksRequestedAtUtc { get; set; }

    public DateTime? ChecksCompletedAtUtc { get; set; }

    public DateTime? DecisionProposedAtUtc { get; set; }

    public DateTime? DecidedAtUtc { get; set; }

    public DateTime? FeedbackDueUtc { get; set; }

    public DateTime? FeedbackSentAtUtc { get; set; }

    /// <summary>
    /// The worker of the hub this contact is allocated to (their "my work" list); null while unallocated. Changed
    /// only through <see cref="Allocate"/>, which keeps the history.
    /// </summary>
    public Guid? AllocatedToUserId { get; private set; }

    public DateTime? AllocatedAtUtc { get; private set; }

    public List<ContactSubject> Subjects { get; set; } = [];

    public List<ContactAttachment> Attachments { get; set; } = [];

    public IEnumerable<Guid> AuditSubjects => Subjects.Select(s => s.PersonId);

    /// <summary>A decided contact is closed: it is not screened again, gets no new checks and no second decision.</summary>
    public bool IsDecided => _state == ContactState.Decided;

    /// <summary>
    /// The screener's RAG rating and the due times it sets. A contact that needs no partner checks goes straight to
    /// the decision; one already waiting for partners or a decision keeps its place.
    /// </summary>
    /// <remarks>
    /// Screening may bring the decision forward (a red rating) but never put it back: the clock started at receipt,
    /// and only a manager's recorded reason (<see cref="ExtendDecisionDue"/>) gives more time.
    /// </remarks>
    public void MarkScreened(DateTime atUtc, RagRating rag, DateTime checksDueUtc, DateTime decisionDueUtc, bool noChecksNeeded)
    {
        RefuseIfDecided("screened");
        Rag = rag;
        ScreenedAtUtc = atUtc;
        DecisionDueUtc = DecisionDueUtc is { } current && current < decisionDueUtc ? current : decisionDueUtc;
        ChecksDueUtc = checksDueUtc < DecisionDueUtc ? checksDueUtc : DecisionDueUtc;
        if (noChecksNeeded && _state == ContactState.AwaitingScreening)
        {
            _state = ContactState.AwaitingDecision;
        }
    }

    /// <summary>Checks were sent to partners: the contact waits for their answers (also when more are asked before the decision).</summary>
    public void RequestChecks(DateTime atUtc)
    {
        RefuseIfDecided("sent for partner checks");
        ChecksRequestedAtUtc ??= atUtc;
        ChecksCompletedAtUtc = null;
        _state = ContactState.AwaitingPartnerInformation;
    }

    /// <summary>Every partner has answered: the contact is ready for a decision.</summary>
    public void ChecksCompleted(DateTime atUtc)
    {
        ChecksCompletedAtUtc = atUtc;
        if (_state == ContactState.AwaitingPartnerInformation)
        {
            _state = ContactState.AwaitingDecision;
        }
    }

    /// <summary>A manager approved the decision: the contact is closed and the referrer is due to be told by <paramref name="feedbackDueUtc"/>.</summary>
    public void Decide(DateTime atUtc, DateTime feedbackDueUtc)
    {
        if (_state is not (ContactState.AwaitingDecision or ContactState.AwaitingPartnerInformation))
        {
            throw new InvalidOperationException($"Contact {Reference} cannot be decided while it is {_state}: it must be screened first and not yet decided.");
        }

        _state = ContactState.Decided;
        DecidedAtUtc = atUtc;
        FeedbackDueUtc = feedbackDueUtc;
    }

    /// <summary>A manager gave more time for the decision, with a reason; refuses a time that is not later than the current one.</summary>
    public DecisionDueExtension ExtendDecisionDue(DateTime newDueUtc, string reason, Guid managerUserId, DateTime atUtc)
    {
        RefuseIfDecided("given more time");
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new InvalidOperationException($"Contact {Reference}: more time for the decision needs a manager's reason.");
        }

        if (DecisionDueUtc is not { } current || newDueUtc <= current)
        {
            throw new InvalidOperationException($"Contact {Reference}: the new decision time must be later than the current one.");
        }

        DecisionDueUtc = newDueUtc;
        return new DecisionDueExtension
        {
            Id = Guid.NewGuid(),
            HubId = HubId,
            ContactId = Id,
            PreviousDueUtc = current,
            NewDueUtc = newDueUtc,
            Reason = reason.Trim(),
            ExtendedByUserId = managerUserId,
            ExtendedAtUtc = atUtc,
        };
    }

    /// <summary>
    /// Allocates the contact to <paramref name="worker"/>, a worker of this contact's hub, and returns the history
    /// row. Refuses a decided contact, a worker of another hub, a disabled account and the worker it is already
    /// allocated to.
    /// </summary>
    public ContactAllocation Allocate(AppUser worker, Guid byUserId, DateTime atUtc)
    {
        RefuseIfDecided("allocated");
        if (worker.HubId != HubId)
        {
            throw new InvalidOperationException($"Contact {Reference} can only be allocated to a worker of its own hub.");
        }

        if (worker.IsDisabled)
        {
            throw new InvalidOperationException($"Contact {Reference} cannot be allocated to a disabled account.");
        }

        if (AllocatedToUserId == worker.Id)
        {
            throw new InvalidOperationException($"Contact {Reference} is already allocated to {worker.DisplayName}.");
        }

        var allocation = new ContactAllocation
        {
            Id = Guid.NewGuid(),
            HubId = HubId,
            ContactId = Id,
            FromUserId = AllocatedToUserId,
            ToUserId = worker.Id,
            AllocatedByUserId = byUserId,
            AllocatedAtUtc = atUtc,
        };
        AllocatedToUserId = worker.Id;
        AllocatedAtUtc = atUtc;
        return allocation;
    }

    private void RefuseIfDecided(string what)
    {
        if (IsDecided)
        {
            throw new InvalidOperationException($"Contact {Reference} is decided and cannot be {what}.");
        }
    }
}
