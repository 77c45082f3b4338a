namespace OpenMash.Web.Domain.People;

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

    /// <summary>
    /// Corrects the person's names, date of birth and NHS number (already checked and normalised) and returns each
    /// detail that changed, before and after, in words. The save that stores it feeds the person matcher (the person
    /// change feed), like any other change to the record.
    /// </summary>
    public IReadOnlyList<(AmendedField Field, string? Before, string? After)> Correct(string givenNames, string familyName, DateOnly? dateOfBirth, string? nhsNumber)
    {
        var changes = new List<(AmendedField, string?, string?)>();
        if (givenNames != GivenNames)
        {
            changes.Add((AmendedField.PersonGivenNames, GivenNames, givenNames));
            GivenNames = givenNames;
        }

        if (familyName != FamilyName)
        {
            changes.Add((AmendedField.PersonFamilyName, FamilyName, familyName));
            FamilyName = familyName;
        }

        if (dateOfBirth != DateOfBirth)
        {
            changes.Add((AmendedField.PersonDateOfBirth, DateOfBirth is null ? null : PersonDisplay.Date(DateOfBirth), dateOfBirth is null ? null : PersonDisplay.Date(dateOfBirth)));
            DateOfBirth = dateOfBirth;
        }

        if (nhsNumber != NhsNumber)
        {
            changes.Add((AmendedField.PersonNhsNumber, NhsNumber is null ? null : PersonDisplay.NhsNumber(NhsNumber), nhsNumber is null ? null : PersonDisplay.NhsNumber(nhsNumber)));
            NhsNumber = nhsNumber;
        }

        return changes;
    }
}
