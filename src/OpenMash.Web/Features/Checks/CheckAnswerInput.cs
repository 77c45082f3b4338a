namespace OpenMash.Web.Features.Checks;

/// <summary>A partner agency's answer to a check as entered: what <see cref="CheckService.AnswerAsync"/> checks before it writes.</summary>
public sealed class CheckAnswerInput
{
    public string? Summary { get; init; }

    public string? Details { get; init; }

    /// <summary>The answer about each person the check asks about; one missing is refused, never skipped.</summary>
    public IReadOnlyList<CheckPersonAnswerInput> People { get; init; } = [];
}
