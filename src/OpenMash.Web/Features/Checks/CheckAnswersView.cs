namespace OpenMash.Web.Features.Checks;

/// <summary>
/// The partners' answers to a contact's checks as the MASH pages show them (screening, propose, approve): each answer
/// already passed through the sharing gate and the item restrictions for the signed-in user (<see cref="CheckService.AnswersForAsync(Guid, CancellationToken)"/>).
/// <see cref="ChaseTexts"/> says how each unanswered check was chased; <see cref="Chaseable"/> are the checks the page
/// offers a chase button for (only the screening page, which handles the post).
/// </summary>
public sealed record CheckAnswersView(IReadOnlyList<VisibleAnswer> Answers, IReadOnlyDictionary<Guid, string> ChaseTexts, IReadOnlySet<Guid> Chaseable)
{
    public static CheckAnswersView ReadOnly(IReadOnlyList<VisibleAnswer> answers) => new(answers, new Dictionary<Guid, string>(), new HashSet<Guid>());
}
