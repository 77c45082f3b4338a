using OpenMash.Web.Features.Shared;

namespace OpenMash.Web.Features.Contacts.New;

/// <summary>One person as typed into the intake form, dates kept as typed.</summary>
public sealed class PersonForm
{
    public SubjectRole Role { get; set; } = SubjectRole.Child;

    public string? GivenNames { get; set; }

    public string? FamilyName { get; set; }

    public DateParts DateOfBirth { get; set; } = new();

    public bool DateOfBirthIsEstimated { get; set; }

    public DateParts ExpectedDeliveryDate { get; set; } = new();

    public string? Sex { get; set; }

    public string? NhsNumber { get; set; }

    public string? Upn { get; set; }

    public string? EthnicityCode { get; set; }

    public string? AddressLine1 { get; set; }

    public string? Town { get; set; }

    public string? Postcode { get; set; }

    /// <summary>An existing person of the hub the user chose from the matcher's suggestions; no new record is made.</summary>
    public Guid? ExistingPersonId { get; set; }

    /// <summary>The user saw the matcher's suggestions and chose to create a new record.</summary>
    public bool MatchesReviewed { get; set; }

    public string Name => $"{GivenNames} {FamilyName}".Trim();

    /// <summary>The person in one line, as the intake pages list them: "Poppy Flowtest, born 14/7/2016".</summary>
    public string Summary =>
        (ExistingPersonId is null ? string.Empty : "Existing record: ") + $"{Name}, "
        + (DateOfBirth.IsBlank
            ? (ExpectedDeliveryDate.IsBlank ? "date of birth not known" : $"expected {ExpectedDeliveryDate.Day}/{ExpectedDeliveryDate.Month}/{ExpectedDeliveryDate.Year}")
            : $"born {DateOfBirth.Day}/{DateOfBirth.Month}/{DateOfBirth.Year}{(DateOfBirthIsEstimated ? " (estimated)" : string.Empty)}");

    public static PersonForm Read(IFormCollection form, SubjectRole role) => new()
    {
        Role = role,
        GivenNames = Text(form, nameof(GivenNames)),
        FamilyName = Text(form, nameof(FamilyName)),
        DateOfBirth = DateParts.Read(form, nameof(DateOfBirth)),
        DateOfBirthIsEstimated = form[nameof(DateOfBirthIsEstimated)].ToString() == "true",
        ExpectedDeliveryDate = DateParts.Read(form, nameof(ExpectedDeliveryDate)),
        Sex = Text(form, nameof(Sex)),
        NhsNumber = Text(form, nameof(NhsNumber)),
        Upn = Text(form, nameof(Upn)),
        EthnicityCode = Text(form, nameof(EthnicityCode)),
        AddressLine1 = Text(form, nameof(AddressLine1)),
        Town = Text(form, nameof(Town)),
        Postcode = Text(form, nameof(Postcode)),
    };

    /// <summary>Converts to the service's input; errors of the form itself (dates, sex) are keyed by the form's field names.</summary>
    public NewPerson ToNewPerson(List<ValidationError> errors, DateTime nowUtc)
    {
        var dob = DateOfBirth.Parse(out var dobValid);
        if (!dobValid)
        {
            errors.Add(new(nameof(DateOfBirth), "Date of birth must be a real date, like 27 3 2015"));
        }

        var edd = ExpectedDeliveryDate.Parse(out var eddValid);
        if (!eddValid)
        {
            errors.Add(new(nameof(ExpectedDeliveryDate), "Expected date of delivery must be a real date, like 27 3 2027"));
        }

        var sex = Domain.People.Sex.U;
        if (Role == SubjectRole.Child && string.IsNullOrEmpty(Sex))
        {
            errors.Add(new(nameof(Sex), "Select the child's sex: male, female or unknown"));
        }
        else if (!string.IsNullOrEmpty(Sex) && !(Enum.TryParse(Sex, out sex) && Enum.IsDefined(sex)))
        {
            errors.Add(new(nameof(Sex), "Select the sex: male, female or unknown"));
        }

        var person = new NewPerson(Role, ExistingPersonId, GivenNames, FamilyName, dob, DateOfBirthIsEstimated, edd, sex, NhsNumber, Upn, EthnicityCode, AddressLine1, Town, Postcode, MatchesReviewed && ExistingPersonId is null);
        var serviceErrors = new List<ValidationError>();
        ContactService.ValidatePerson(person with { ExistingPersonId = null }, "p", nowUtc, serviceErrors);
        foreach (var e in serviceErrors)
        {
            var field = e.Field[2..];
            if (errors.All(x => x.Field != field))
            {
                errors.Add(new(field, e.Message));
            }
        }

        return person;
    }

    private static string? Text(IFormCollection form, string name) => form[name].ToString().Trim() is { Length: > 0 } v ? v : null;
}
