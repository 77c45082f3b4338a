namespace OpenMash.Web.Domain.Duplicates;

/// <summary>Two persons a user has decided are not the same; the review queue no longer offers the pair.</summary>
public sealed class NotDuplicate : IHubScoped, IAuditSubjects
{
    public Guid HubId { get; set; }

    public Guid PersonA { get; set; }

    public Guid PersonB { get; set; }

    public Guid DecidedByUserId { get; set; }

    public DateTime DecidedAtUtc { get; set; }

    public IEnumerable<Guid> AuditSubjects => [PersonA, PersonB];

    public static (Guid A, Guid B) Order(Guid x, Guid y) => x.CompareTo(y) < 0 ? (x, y) : (y, x);
}
