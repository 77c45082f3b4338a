using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Shared.SubjectAccess;
using static OpenMash.Web.Features.Shared.SubjectAccess.SubjectAccessBuilder;

namespace OpenMash.Web.Features.People;

/// <summary>The person's own details, addresses, relationships (other people's names withheld) and services involved.</summary>
public sealed class PeopleSubjectAccess(OpenMashDbContext db) : ISubjectAccessSection
{
    public int Order => 100;

    public IReadOnlyDictionary<Type, string> Covers { get; } = new Dictionary<Type, string>
    {
        [typeof(Person)] = "Your details",
        [typeof(PersonAddress)] = "Addresses",
        [typeof(PersonRelationship)] = "Relationships (other people's names withheld)",
        [typeof(Involvement)] = "Services involved",
    };

    public async Task AddAsync(SubjectAccessBuilder sar, CancellationToken ct)
    {
        var person = sar.Person;
        sar.Add("Your details", [new(person.FullName, [
            new("Given names", person.GivenNames), new("Family name", person.FamilyName), new("Other names", person.OtherNames ?? "None recorded"),
            new("Date of birth", PersonDisplay.Birth(person.DateOfBirth, person.DateOfBirthIsEstimated, person.ExpectedDeliveryDate)),
            new("Sex", PersonDisplay.SexName(person.Sex)), new("Ethnicity", person.EthnicityCode ?? "Not recorded"),
            new("NHS number", PersonDisplay.NhsNumber(person.NhsNumber)), new("Unique pupil number", person.Upn ?? "Not known"),
            new("Phone", person.Phone ?? "Not known"), new("E-mail", person.Email ?? "Not known"), new("Record created", Time(person.CreatedAtUtc))])]);

        sar.Add("Addresses", person.Addresses.OrderByDescending(a => a.From).Select(a => new SarEntry(
            string.Join(", ", new[] { a.Line1, a.Line2, a.Town, a.Postcode }.Where(x => !string.IsNullOrWhiteSpace(x))),
            [new("From", PersonDisplay.Date(a.From)), new("To", a.To is null ? "Current" : PersonDisplay.Date(a.To))])).ToList());

        var personId = sar.PersonId;
        var relationships = await db.PersonRelationships.AsNoTracking().Where(r => r.PersonId == personId || r.RelatedPersonId == personId).ToListAsync(ct);
        var relatedIds = relationships.Select(r => r.PersonId == personId ? r.RelatedPersonId : r.PersonId).ToList();
        foreach (var related in await db.Persons.AsNoTracking().Where(p => relatedIds.Contains(p.Id)).Select(p => new { p.GivenNames, p.FamilyName, p.OtherNames }).ToListAsync(ct))
        {
            sar.ThirdParties.Add($"{related.GivenNames} {related.FamilyName}", "a related person");
            sar.ThirdParties.Add(related.OtherNames, "a related person");
        }

        sar.Add("Relationships", relationships.Select(r =>
        {
            var description = r.PersonId == personId
                ? $"{PersonDisplay.Relationship(r.Type)} of yours"
                : $"You are their {PersonDisplay.Relationship(r.Type).ToLowerInvariant()}";
            sar.Redactions.Add(new("Third party: a related person's name and details", "Relationships: " + description, "Information about another person"));
            return new SarEntry(description, [new("Name", "Withheld (third party)")]);
        }).ToList());

        var involvements = await db.Involvements.AsNoTracking().Where(i => i.PersonId == personId).OrderBy(i => i.OpenedOn).ToListAsync(ct);
        sar.Add("Services involved", involvements.Select(i => new SarEntry(
            i.Service == InvolvementService.SocialCare ? "Social care" : "Early help",
            [new("Team", i.Team), new("Worker", i.Worker ?? "Not recorded"), new("Opened", PersonDisplay.Date(i.OpenedOn)), new("Closed", i.ClosedOn is null ? "Still open" : PersonDisplay.Date(i.ClosedOn))])).ToList());
    }
}
