namespace OpenMash.Web.Features.Screening;

/// <summary>A manager's extension of a contact's decision time as entered.</summary>
public sealed class DecisionDueInput
{
    public DateTime? NewDueUtc { get; init; }

    public string? Reason { get; init; }
}
