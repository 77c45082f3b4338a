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
    /// Amends the recorded details and corrects the people named in the contact, with a reason; returns the amendment
    /// holding each detail before and after. Refuses a decided contact, a blank reason, a person the contact does not
    /// name, and an amendment that changes nothing.
    /// </summary>
    public ContactAmendment Amend(ContactDetails details, IReadOnlyList<PersonCorrection> people, string reason, Guid byUserId, DateTime atUtc)
    {
        RefuseIfDecided("amended");
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new InvalidOperationException($"Contact {Reference}: an amendment needs a reason.");
        }

        var amendment = new ContactAmendment { Id = Guid.NewGuid(), HubId = HubId, ContactId = Id, Reason = reason.Trim(), AmendedByUserId = byUserId, AmendedAtUtc = atUtc };
        void Changed(AmendedField field, string? before, string? after, Guid? personId = null) =>
            amendment.Changes.Add(new ContactFieldChange { Id = Guid.NewGuid(), HubId = HubId, AmendmentId = amendment.Id, PersonId = personId, Field = field, Before = before, After = after });
        void Text(AmendedField field, string? before, string? after, Action<string?> set)
        {
            if (before != after)
            {
                Changed(field, before, after);
                set(after);
            }
        }

        if (details.Channel != Channel)
        {
            Changed(AmendedField.Channel, Channel.DisplayName(), details.Channel.DisplayName());
            Channel = details.Channel;
        }

        if (details.ReferralSource != ReferralSource)
        {
            Changed(AmendedField.ReferralSource, ReferralSource.DisplayName(), details.ReferralSource.DisplayName());
            ReferralSource = details.ReferralSource;
        }

        Text(AmendedField.ReferrerName, ReferrerName, details.ReferrerName, v => ReferrerName = v!);
        Text(AmendedField.ReferrerRole, ReferrerRole, details.ReferrerRole, v => ReferrerRole = v);
        Text(AmendedField.ReferrerAgency, ReferrerAgency, details.ReferrerAgency, v => ReferrerAgency = v);
        Text(AmendedField.ReferrerPhone, ReferrerPhone, details.ReferrerPhone, v => ReferrerPhone = v);
        Text(AmendedField.ReferrerEmail, ReferrerEmail, details.ReferrerEmail, v => ReferrerEmail = v);
        Text(AmendedField.ReferrerRelationship, ReferrerRelationship, details.ReferrerRelationship, v => ReferrerRelationship = v);
        var concerns = details.ConcernCategories.Distinct().ToList();
        if (!concerns.Order().SequenceEqual(ConcernCategories.Order()))
        {
            Changed(AmendedField.ConcernCategories, string.Join(", ", ConcernCategories.Select(c => c.DisplayName())), string.Join(", ", concerns.Select(c => c.DisplayName())));
            ConcernCategories = concerns;
        }

        Text(AmendedField.WhatHappened, WhatHappened, details.WhatHappened, v => WhatHappened = v!);
        Text(AmendedField.ReferrerRequest, ReferrerRequest, details.ReferrerRequest, v => ReferrerRequest = v);
        Text(AmendedField.ChildsVoice, ChildsVoice, details.ChildsVoice, v => ChildsVoice = v);
        Text(AmendedField.AdditionalNeeds, AdditionalNeeds, details.AdditionalNeeds, v => AdditionalNeeds = v);

        foreach (var correction in people)
        {
            if (Subjects.All(s => s.PersonId != correction.Person.Id))
            {
                throw new InvalidOperationException($"Contact {Reference} does not name person {correction.Person.Id}.");
            }

            foreach (var (field, before, after) in correction.Person.Correct(correction.GivenNames, correction.FamilyName, correction.DateOfBirth, correction.NhsNumber))
            {
                Changed(field, before, after, correction.Person.Id);
            }
        }

        if (amendment.Changes.Count == 0)
        {
            throw new InvalidOperationException($"Contact {Reference}: the amendment changes nothing.");
        }

        return amendment;
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
