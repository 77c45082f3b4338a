namespace OpenMash.Web.Domain.Contacts;

/// <summary>One detail changed by an amendment, in words as shown on the pages: the contact's own, or a named person's (<see cref="PersonId"/>).</summary>
public sealed class ContactFieldChange : IHubScoped
{
    public Guid Id { get; set; }

    public Guid HubId { get; set; }

    public Guid AmendmentId { get; set; }

    /// <summary>The person named in the contact whose record was corrected; null for the contact's own details.</summary>
    public Guid? PersonId { get; set; }

    public AmendedField Field { get; set; }

    public string? Before { get; set; }

    public string? After { get; set; }
}
