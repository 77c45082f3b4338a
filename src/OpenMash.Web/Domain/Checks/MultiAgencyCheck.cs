namespace OpenMash.Web.Domain.Checks;

/// <summary>
/// A request to one partner agency for what it knows. Its answer is the agency's own attributed, timestamped
/// section of the record, never pasted into notes; researchers see only their own agency's requests.
/// </summary>
public sealed class MultiAgencyCheck : IHubScoped
{
    public Guid Id { get; set; }

    public Guid HubId { get; set; }

    public Guid ContactId { get; set; }

    public Guid AgencyId { get; set; }

    public Agency Agency { get; set; } = null!;

    public Guid RequestedByUserId { get; set; }

    public DateTime RequestedAtUtc { get; set; }

    public DateTime DueAtUtc { get; set; }

    public CheckStatus Status { get; set; }

    public Guid? AnsweredByUserId { get; set; }

    public DateTime? AnsweredAtUtc { get; set; }

    public bool? Known { get; set; }

    public string? Summary { get; set; }

    public string? Details { get; set; }

    public int ChaseCount { get; set; }

    public DateTime? LastChasedAtUtc { get; set; }

    public List<CheckItem> Items { get; set; } = [];

    /// <summary>The people the check asks about, each answered for (children first, then the household's adults).</summary>
    public List<CheckPerson> People { get; set; } = [];

    public List<CheckCorrection> Corrections { get; set; } = [];

    /// <summary>
    /// The agency's answer, once every person of the check has been answered for: it is known to the agency when it
    /// holds something about anyone. Refuses a second answer (that is a <see cref="Correct"/>) and an answer that skips a person.
    /// </summary>
    public void RecordAnswer(Guid? byUserId, DateTime atUtc, string summary, string? details)
    {
        if (Status == CheckStatus.Answered)
        {
            throw new InvalidOperationException("This check has already been answered; correct the answer instead.");
        }

        RefuseIfSomeoneSkipped();
        Status = CheckStatus.Answered;
        AnsweredAtUtc = atUtc;
        AnsweredByUserId = byUserId;
        Known = People.Count == 0 ? Known : People.Any(p => p.Held == true);
        Summary = summary;
        Details = details;
    }

    /// <summary>The answer as it stands, in words per person, kept by a correction as what it replaced.</summary>
    public string PeopleInWords(IReadOnlyDictionary<Guid, string> names) => string.Join("; ", People.OrderBy(p => p.Position).Select(p =>
        $"{names.GetValueOrDefault(p.PersonId, "A person")}: " + (p.Held switch { true => "holds information", false => "nothing held", _ => "not answered" }) +
        (p.DomesticAbuseHeld switch { true => ", domestic abuse history held", false => ", no domestic abuse history held", _ => string.Empty })));

    /// <summary>
    /// The agency corrects its sent answer: the summary and details change, and <paramref name="correction"/> keeps what
    /// they were. The people's answers and items are changed by the caller before; refuses a check not yet answered.
    /// </summary>
    public void Correct(CheckCorrection correction, string summary, string? details)
    {
        if (Status != CheckStatus.Answered)
        {
            throw new InvalidOperationException("Only a sent answer can be corrected.");
        }

        RefuseIfSomeoneSkipped();
        Corrections.Add(correction);
        Known = People.Count == 0 ? Known : People.Any(p => p.Held == true);
        Summary = summary;
        Details = details;
    }

    private void RefuseIfSomeoneSkipped()
    {
        if (People.Any(p => !p.IsAnswered))
        {
            throw new InvalidOperationException("Every person the check asks about must be answered for.");
        }
    }
}
