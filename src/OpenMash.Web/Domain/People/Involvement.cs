namespace OpenMash.Web.Domain.People;

/// <summary>A child already open to a team: the front door routes new contacts about them to that worker.</summary>
public sealed class Involvement : IHubScoped, IAuditSubjects
{
    public Guid Id { get; set; }

    public Guid HubId { get; set; }

    public Guid PersonId { get; set; }

    public InvolvementService Service { get; set; }

    public required string Team { get; set; }

    public string? Worker { get; set; }

    public DateOnly OpenedOn { get; set; }

    public DateOnly? ClosedOn { get; set; }

    public IEnumerable<Guid> AuditSubjects => [PersonId];
}
