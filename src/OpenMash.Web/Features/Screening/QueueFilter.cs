namespace OpenMash.Web.Features.Screening;

/// <summary>
/// What the queue is narrowed to, read from the query string (so a filtered queue can be bookmarked). Empty lists
/// and nulls mean "any". <see cref="AllocatedTo"/> is a worker; <see cref="Unallocated"/> only contacts nobody has.
/// </summary>
public sealed class QueueFilter
{
    public IReadOnlyList<RagRating?> Rags { get; init; } = [];

    public IReadOnlyList<ContactState> States { get; init; } = [];

    public Guid? AllocatedTo { get; init; }

    public bool Unallocated { get; init; }

    public ReferralSource? Source { get; init; }

    public bool OverdueOnly { get; init; }

    public static readonly QueueFilter None = new();

    public bool Any => Rags.Count > 0 || States.Count > 0 || AllocatedTo is not null || Unallocated || Source is not null || OverdueOnly;

    /// <summary>The RAG choices as they appear in the address: "red", "amber", "green", "none" (not rated).</summary>
    public static readonly IReadOnlyList<(string Value, string Text, RagRating? Rag)> RagChoices =
    [
        ("red", "Red", RagRating.Red), ("amber", "Amber", RagRating.Amber), ("green", "Green", RagRating.Green), ("none", "Not rated", null),
    ];

    /// <summary>The open states as they appear in the address.</summary>
    public static readonly IReadOnlyList<(string Value, ContactState State)> StateChoices =
    [
        ("screening", ContactState.AwaitingScreening), ("partners", ContactState.AwaitingPartnerInformation), ("decision", ContactState.AwaitingDecision),
    ];

    /// <summary>
    /// Reads the query-string values; each one that is not a known choice becomes an error for its field, in words.
    /// <paramref name="me"/> is the signed-in worker, for "allocated=me"; <paramref name="workers"/> the hub's workers.
    /// </summary>
    public static (QueueFilter Filter, List<ValidationError> Errors) Parse(
        IEnumerable<string?> rag, IEnumerable<string?> state, string? allocated, string? source, string? overdue, Guid? me, IReadOnlyCollection<Guid> workers)
    {
        var errors = new List<ValidationError>();
        var rags = new List<RagRating?>();
        foreach (var value in rag.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim().ToLowerInvariant()).Distinct())
        {
            if (RagChoices.FirstOrDefault(c => c.Value == value) is { Value: not null } choice)
            {
                rags.Add(choice.Rag);
            }
            else
            {
                errors.Add(new("rag", "Select a RAG rating from the list: red, amber, green or not rated"));
                break;
            }
        }

        var states = new List<ContactState>();
        foreach (var value in state.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim().ToLowerInvariant()).Distinct())
        {
            if (StateChoices.FirstOrDefault(c => c.Value == value) is { Value: not null } choice)
            {
                states.Add(choice.State);
            }
            else
            {
                errors.Add(new("state", "Select a state from the list: awaiting screening, awaiting partner information or awaiting decision"));
                break;
            }
        }

        Guid? allocatedTo = null;
        var unallocated = false;
        switch (allocated?.Trim().ToLowerInvariant())
        {
            case null or "" or "anyone":
                break;
            case "unallocated":
                unallocated = true;
                break;
            case "me" when me is not null:
                allocatedTo = me;
                break;
            case { } value when Guid.TryParse(value, out var worker) && workers.Contains(worker):
                allocatedTo = worker;
                break;
            default:
                errors.Add(new("allocated", "Select who the contacts are allocated to from the list"));
                break;
        }

        ReferralSource? referralSource = null;
        if (!string.IsNullOrWhiteSpace(source))
        {
            var value = source.Trim().ToLowerInvariant();
            var match = Enum.GetValues<ReferralSource>().Where(s => s.QueryValue() == value).Cast<ReferralSource?>().FirstOrDefault();
            if (match is null)
            {
                errors.Add(new("source", "Select where the contact came from from the list"));
            }

            referralSource = match;
        }

        var overdueOnly = false;
        switch (overdue?.Trim().ToLowerInvariant())
        {
            case null or "" or "false":
                break;
            case "true" or "yes" or "on":
                overdueOnly = true;
                break;
            default:
                errors.Add(new("overdue", "Select overdue only, or leave it unticked"));
                break;
        }

        return (new QueueFilter { Rags = rags, States = states, AllocatedTo = allocatedTo, Unallocated = unallocated, Source = referralSource, OverdueOnly = overdueOnly }, errors);
    }
}
