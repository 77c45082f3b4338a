namespace OpenMash.Web.Features.Screening;

public sealed record TimelineEvent(DateTime AtUtc, string Title, string? By, string? Description)
{
    /// <summary>For an amendment: each detail changed, before and after, in words.</summary>
    public IReadOnlyList<string> Changes { get; init; } = [];
}
