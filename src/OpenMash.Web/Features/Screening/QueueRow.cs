namespace OpenMash.Web.Features.Screening;

/// <summary>
/// One contact in the screening queue or a worker's own list: the children (name and age), the concerns in words,
/// RAG, when it came and when the decision is due, where it came from and who has it.
/// <see cref="MayBeKnown"/>: a person in it may be an existing record, not yet decided.
/// </summary>
public sealed record QueueRow(
    Guid Id,
    string Reference,
    IReadOnlyList<string> Children,
    string Concerns,
    DateTime ReceivedAtUtc,
    ContactState State,
    RagRating? Rag,
    DateTime? DecisionDueUtc,
    string TimeLeft,
    bool Overdue,
    string Source,
    Guid? AllocatedToUserId,
    string? AllocatedTo,
    bool MayBeKnown = false);
