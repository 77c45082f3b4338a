using OpenMash.Web.Data;

namespace OpenMash.Web.Features.People;

/// <summary>Sex as recorded in the children in need census from 2024-25; unborn children are U.</summary>
public enum Sex
{
    M,
    F,
    U,
}

public enum RelationshipType
{
    ParentCarer,
    Sibling,
    HouseholdMember,
    AssociatedAdult,
}

public enum InvolvementService
{
    SocialCare,
    EarlyHelp,
}

/// <summary>A child or an adult known to one hub.</summary>
public sealed class Person : IHubScoped, IAuditSubjects
{
    public Guid Id { get; set; }

    public Guid HubId { get; set; }

    public required string GivenNames { get; set; }

    public required string FamilyName { get; set; }

    /// <summary>Other names and aliases, separated by semicolons.</summary>
    public string? OtherNames { get; set; }

    public DateOnly? DateOfBirth { get; set; }

    public bool DateOfBirthIsEstimated { get; set; }

    /// <summary>For an unborn child.</summary>
    public DateOnly? ExpectedDeliveryDate { get; set; }

    public Sex Sex { get; set; } = Sex.U;

    /// <summary>Census ethnicity code, e.g. WBRI, MWBC, REFU (refused), NOBT (not obtained).</summary>
    public string? EthnicityCode { get; set; }

    public string? NhsNumber { get; set; }

    public string? Upn { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Set when this record was merged into another; the record is then hidden from searches.</summary>
    public Guid? MergedIntoId { get; set; }

    public List<PersonAddress> Addresses { get; set; } = [];

    public IEnumerable<Guid> AuditSubjects => [Id];

    public string FullName => $"{GivenNames} {FamilyName}";
}

public sealed class PersonAddress : IHubScoped, IAuditSubjects
{
    public Guid Id { get; set; }

    public Guid HubId { get; set; }

    public Guid PersonId { get; set; }

    public required string Line1 { get; set; }

    public string? Line2 { get; set; }

    public string? Town { get; set; }

    public required string Postcode { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    public IEnumerable<Guid> AuditSubjects => [PersonId];
}

public sealed class PersonRelationship : IHubScoped, IAuditSubjects
{
    public Guid Id { get; set; }

    public Guid HubId { get; set; }

    public Guid PersonId { get; set; }

    public Guid RelatedPersonId { get; set; }

    /// <summary>What the related person is to this person: their parent or carer, sibling, and so on.</summary>
    public RelationshipType Type { get; set; }

    public IEnumerable<Guid> AuditSubjects => [PersonId, RelatedPersonId];
}

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
