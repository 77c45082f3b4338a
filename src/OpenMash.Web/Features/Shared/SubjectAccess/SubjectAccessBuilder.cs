namespace OpenMash.Web.Features.Shared.SubjectAccess;

/// <summary>
/// A subject access export being built: the person, the contacts naming them (the spine every later section refers
/// to), the hub's agencies and hubs by id, and the sections, withheld items and third parties gathered so far.
/// </summary>
public sealed class SubjectAccessBuilder(
    Person person,
    IReadOnlyList<Contact> contacts,
    IReadOnlyDictionary<Guid, (string Name, AgencyType Type)> agencies,
    IReadOnlyDictionary<Guid, string> hubs)
{

    public Person Person { get; } = person;

    public Guid PersonId => Person.Id;

    /// <summary>The contacts naming the person, oldest first, with their subjects and attachments.</summary>
    public IReadOnlyList<Contact> Contacts { get; } = contacts;

    public IReadOnlyList<Guid> ContactIds { get; } = [.. contacts.Select(c => c.Id)];

    public IReadOnlyDictionary<Guid, string> Agencies { get; } = agencies.ToDictionary(a => a.Key, a => a.Value.Name);

    public IReadOnlyDictionary<Guid, AgencyType> AgencyTypes { get; } = agencies.ToDictionary(a => a.Key, a => a.Value.Type);

    public IReadOnlyDictionary<Guid, string> Hubs { get; } = hubs;

    public List<SarSection> Sections { get; } = [];

    public List<SarRedaction> Redactions { get; } = [];

    public SarThirdParties ThirdParties { get; } = new([person.GivenNames, person.FamilyName, person.OtherNames]);

    /// <summary>A contact's reference, for headings such as "Screening of contact MASH-000123".</summary>
    public string Reference(Guid contactId) => Contacts.Single(c => c.Id == contactId).Reference;

    /// <summary>The person's role on a contact naming them.</summary>
    public SubjectRole RoleOn(Guid contactId) => Contacts.Single(c => c.Id == contactId).Subjects.Single(s => s.PersonId == PersonId).Role;

    /// <summary>Whether the person is a child of the contact (the child's views and needs are theirs, not a third party's).</summary>
    public bool IsChildOn(Guid contactId) => RoleOn(contactId) == SubjectRole.Child;

    public void Add(string title, IReadOnlyList<SarEntry> entries) => Sections.Add(new(title, entries));

    public static string Time(DateTime utc) => CaseDisplay.Time(utc);

    public static string YesNo(bool? value) => value switch { true => "Yes", false => "No", _ => "Not recorded" };

    /// <summary>Protective free text: says only whether it was recorded, and lists it as withheld when it was.</summary>
    public string Withheld(string? text, string where, string what)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "Not recorded";
        }

        Redactions.Add(new(what, where, "Free text that may identify or endanger another person; the IG officer reviews it before any release"));
        return "Recorded, withheld";
    }
}
