namespace OpenMash.Web.Features.Checks;

/// <summary>A partner agency's answer to a check as entered: what <see cref="CheckService.AnswerAsync"/> checks before it writes.</summary>
public sealed class CheckAnswerInput
{
    public bool? Known { get; init; }

    public string? Summary { get; init; }

    public string? Details { get; init; }

    public IReadOnlyList<CheckItemInput> Items { get; init; } = [];
}
