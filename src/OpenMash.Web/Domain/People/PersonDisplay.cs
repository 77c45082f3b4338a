namespace OpenMash.Web.Domain.People;

/// <summary>How people's details are shown across pages.</summary>
public static class PersonDisplay
{
    private static readonly System.Globalization.CultureInfo Uk = System.Globalization.CultureInfo.GetCultureInfo("en-GB");

    public static string Date(DateOnly? date) => date?.ToString("d MMMM yyyy", Uk) ?? "Not known";

    public static string Birth(DateOnly? dob, bool estimated, DateOnly? edd) =>
        dob is not null ? Date(dob) + (estimated ? " (estimated)" : string.Empty)
        : edd is not null ? "Unborn, expected " + Date(edd)
        : "Not known";

    public static string SexName(Sex sex) => sex switch
    {
        Sex.M => "Male",
        Sex.F => "Female",
        _ => "Unknown",
    };

    public static string NhsNumber(string? nhs) =>
        nhs is { Length: 10 } ? $"{nhs[..3]} {nhs[3..6]} {nhs[6..]}" : nhs ?? "Not known";

    /// <summary>What the related person is to the child: the relationship code list in people's words.</summary>
    public static string Relationship(RelationshipType type) => type switch
    {
        RelationshipType.ParentCarer => "Parent or carer",
        RelationshipType.Sibling => "Sibling",
        RelationshipType.HouseholdMember => "Household member",
        RelationshipType.PartnerOfParent => "Partner of the parent",
        _ => "Associated adult",
    };
}
