namespace OpenMash.Web.Domain.Duplicates;

/// <summary>
/// A pair of the hub's live persons the matcher suggests may be one person, kept by the duplicate queue and
/// recomputed whenever either person changes. <see cref="PersonA"/> sorts before <see cref="PersonB"/>.
/// </summary>
public sealed class DuplicateCandidate : IHubScoped, IAuditSubjects, IBookkeeping
{
    public Guid HubId { get; set; }

    public Guid PersonA { get; set; }

    public Guid PersonB { get; set; }

    /// <summary>The posterior match probability when compared.</summary>
    public double Probability { get; set; }

    /// <summary>The match weight (log2 Bayes factor), the sum of the fields' weights.</summary>
    public double Score { get; set; }

    public PairBand Band { get; set; }

    public DateTime ComputedAtUtc { get; set; }

    public IEnumerable<Guid> AuditSubjects => [PersonA, PersonB];
}
