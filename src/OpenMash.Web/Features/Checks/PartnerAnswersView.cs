namespace OpenMash.Web.Features.Checks;

/// <summary>
/// Other agencies' answers as one viewer outside children's social care may see them (an agency researcher, or a
/// referrer reading feedback). A referrer is never told which agencies were checked unless an agreement lets that
/// agency tell them at least that it holds something; a researcher knows what the hub asked of whom, but not what
/// a refused agency answered.
/// </summary>
public sealed record PartnerAnswersView(IReadOnlyList<VisibleAnswer> Answers, bool ForReferrer)
{
    public IEnumerable<VisibleAnswer> Shown => ForReferrer
        ? Answers.Where(a => a.Check.Status == CheckStatus.Answered && a.Shared >= Sharing.SharingOutcome.ExistenceOnly)
        : Answers;

    public static string WithheldText(int count) =>
        $"{count} item{(count == 1 ? "" : "s")} withheld by the supplying agency's restriction";
}
