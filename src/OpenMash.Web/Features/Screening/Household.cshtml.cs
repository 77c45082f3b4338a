using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Shared;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Screening;

/// <summary>
/// The contact's household before the checks go: who is in it, how each is related to the children, and which adults
/// the partner checks cover. The screener adds a person, records a relationship, or leaves an adult out with a reason.
/// </summary>
[AuditedAs(AuditActions.ViewContact, Purpose = "Screening")]
public sealed class HouseholdModel(OpenMashDbContext db, HouseholdService household) : PageModel
{
    public sealed record Member(ContactSubject Subject, Person Person, IReadOnlyList<string> Relationships, IReadOnlyList<string> CoveredBy, IReadOnlyList<string> NotCoveredBy);

    public Contact Contact { get; private set; } = null!;

    public IReadOnlyList<Member> Members { get; private set; } = [];

    [BindProperty]
    public string? GivenNames { get; set; }

    [BindProperty]
    public string? FamilyName { get; set; }

    [BindProperty]
    public DateParts DateOfBirth { get; set; } = new();

    [BindProperty]
    public SubjectRole? Role { get; set; }

    [BindProperty]
    public Guid? ChildId { get; set; }

    [BindProperty]
    public Guid? PersonId { get; set; }

    [BindProperty]
    public RelationshipType? Relationship { get; set; }

    [BindProperty]
    public bool? Include { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public IEnumerable<(string Value, string Text)> Children => Members.Where(m => m.Subject.Role == SubjectRole.Child).Select(m => (m.Person.Id.ToString(), m.Person.FullName));

    public IEnumerable<(string Value, string Text)> Relationships => HouseholdService.Offered.Select(t => (t.ToString(), PersonDisplay.Relationship(t)));

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAddAsync()
    {
        var dob = DateOfBirth.IsBlank ? null : DateOfBirth.Parse(out var valid);
        var input = new HouseholdPersonInput
        {
            GivenNames = GivenNames,
            FamilyName = FamilyName,
            DateOfBirth = dob,
            DateOfBirthInvalid = !DateOfBirth.IsBlank && dob is null,
            Role = Role,
            ChildId = ChildId,
            Relationship = Relationship,
        };
        return await DoneOrShowAsync(await household.AddPersonAsync(HttpContext.Record<Contact>(), input), $"{GivenNames?.Trim()} {FamilyName?.Trim()} added to the household.");
    }

    public async Task<IActionResult> OnPostRelationshipAsync() =>
        await DoneOrShowAsync(await household.SetRelationshipAsync(HttpContext.Record<Contact>(), new HouseholdRelationshipInput { ChildId = ChildId, PersonId = PersonId, Relationship = Relationship }), "Relationship saved.");

    public async Task<IActionResult> OnPostCoverageAsync() =>
        await DoneOrShowAsync(await household.SetCoverageAsync(HttpContext.Record<Contact>(), new CheckCoverageInput { PersonId = PersonId, Include = Include, Reason = Reason }),
            Include == true ? "The checks not yet sent will cover this person." : "This person is left out of the checks not yet sent.");

    private async Task<IActionResult> DoneOrShowAsync(IReadOnlyList<ValidationError> errors, string done)
    {
        if (errors.Count == 0)
        {
            this.Banner($"{done} Contact {HttpContext.Record<Contact>().Reference}.");
            return Redirect($"/Screening/{HttpContext.Record<Contact>().Id}/Household");
        }

        CaseDisplay.AddErrors(ModelState, errors);
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Contact = HttpContext.Record<Contact>();
        var ids = Contact.Subjects.Select(s => s.PersonId).ToList();
        var people = await db.Persons.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id);
        var relationships = await db.PersonRelationships.AsNoTracking().Where(r => ids.Contains(r.PersonId) && ids.Contains(r.RelatedPersonId)).ToListAsync();
        var checks = await db.Checks.AsNoTracking().Include(c => c.Agency).Include(c => c.People).Where(c => c.ContactId == Contact.Id).ToListAsync();
        Members = Contact.Subjects
            .Where(s => people.ContainsKey(s.PersonId))
            .OrderBy(s => s.Role == SubjectRole.Child ? 0 : 1).ThenBy(s => people[s.PersonId].FamilyName, StringComparer.Ordinal).ThenBy(s => people[s.PersonId].GivenNames, StringComparer.Ordinal)
            .Select(s => new Member(
                s,
                people[s.PersonId],
                relationships.Where(r => r.RelatedPersonId == s.PersonId && people.ContainsKey(r.PersonId))
                    .Select(r => $"{PersonDisplay.Relationship(r.Type)} of {people[r.PersonId].FullName}").ToList(),
                checks.Where(c => c.People.Any(p => p.PersonId == s.PersonId)).Select(c => c.Agency.Name).ToList(),
                checks.Where(c => c.People.All(p => p.PersonId != s.PersonId)).Select(c => c.Agency.Name).ToList()))
            .ToList();
        db.Audit(AuditActions.ViewContact, targetType: "Contact", targetId: Contact.Id.ToString(), subjects: ids, purpose: "Screening: household");
        await db.SaveChangesAsync();
    }
}
