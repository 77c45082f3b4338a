namespace OpenMash.Web.Domain.People;

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

    /// <summary>Upper case without spaces or punctuation, then the inward code (the last three characters) after one space.</summary>
    public static string NormalisePostcode(string postcode)
    {
        var compact = new string(postcode.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
        return compact.Length > 3 ? $"{compact[..^3]} {compact[^3..]}" : compact;
    }
}
