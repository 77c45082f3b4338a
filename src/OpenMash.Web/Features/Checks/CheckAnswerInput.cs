namespace OpenMash.Web.Features.Checks;

public sealed record CheckAnswerInput(bool? Known, string? Summary, string? Details, IReadOnlyList<CheckItemInput> Items);
