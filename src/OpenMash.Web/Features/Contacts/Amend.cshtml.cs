using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Shared;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Contacts;

/// <summary>
/// Amends a recorded contact's details, and corrects the records of the people it names, with a reason; refused in
/// words once the contact is decided. Each change is kept (before and after) for the contact's page and timeline.
/// </summary>
[AuditedAs(AuditActions.AmendContact, Purpose = "Screening")]
public sealed class AmendModel(OpenMashDbContext db, ContactRecordService records) : PageModel
{

    public Contact Contact { get; private set; } = null!;

    /// <summary>Each person's name and role as recorded, by id, for the fieldsets' legends.</summary>
    public IReadOnlyDictionary<Guid, (string Name, SubjectRole Role)> Recorded { get; private set; } = new Dictionary<Guid, (string, SubjectRole)>();

    [BindProperty]
    public ContactChannel? Channel { get; set; }

    [BindProperty]
    public ReferralSource? ReferralSource { get; set; }

    [BindProperty]
    public string? ReferrerName { get; set; }

    [BindProperty]
    public string? ReferrerRole { get; set; }

    [BindProperty]
    public string? ReferrerAgency { get; set; }

    [BindProperty]
    public string? ReferrerPhone { get; set; }

    [BindProperty]
    public string? ReferrerEmail { get; set; }

    [BindProperty]
    public string? ReferrerRelationship { get; set; }

    [BindProperty]
    public List<ConcernCategory> ConcernCategories { get; set; } = [];

    [BindProperty]
    public string? WhatHappened { get; set; }

    [BindProperty]
    public string? ReferrerRequest { get; set; }

    [BindProperty]
    public string? ChildsVoice { get; set; }

    [BindProperty]
    public string? AdditionalNeeds { get; set; }

    [BindProperty]
    public List<AmendPersonForm> People { get; set; } = [];

    [BindProperty]
    public string? Reason { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Contact = HttpContext.Record<Contact>();
        var persons = await LoadPeopleAsync(ct);
        var c = Contact;
        Channel = c.Channel;
        ReferralSource = c.ReferralSource;
        ReferrerName = c.ReferrerName;
        ReferrerRole = c.ReferrerRole;
        ReferrerAgency = c.ReferrerAgency;
        ReferrerPhone = c.ReferrerPhone;
        ReferrerEmail = c.ReferrerEmail;
        ReferrerRelationship = c.ReferrerRelationship;
        ConcernCategories = [.. c.ConcernCategories];
        WhatHappened = c.WhatHappened;
        ReferrerRequest = c.ReferrerRequest;
        ChildsVoice = c.ChildsVoice;
        AdditionalNeeds = c.AdditionalNeeds;
        People = persons.Select(p => new AmendPersonForm { PersonId = p.Id, GivenNames = p.GivenNames, FamilyName = p.FamilyName, DateOfBirth = DateParts.From(p.DateOfBirth), NhsNumber = p.NhsNumber }).ToList();
        db.Audit(AuditActions.ViewContact, targetType: "Contact", targetId: c.Id.ToString(), subjects: c.Subjects.Select(s => s.PersonId), purpose: "Screening");
        await db.SaveChangesAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Contact = HttpContext.Record<Contact>();
        var input = new ContactAmendmentInput
        {
            Channel = Channel,
            ReferralSource = ReferralSource,
            ReferrerName = ReferrerName,
            ReferrerRole = ReferrerRole,
            ReferrerAgency = ReferrerAgency,
            ReferrerPhone = ReferrerPhone,
            ReferrerEmail = ReferrerEmail,
            ReferrerRelationship = ReferrerRelationship,
            ConcernCategories = ConcernCategories,
            WhatHappened = WhatHappened,
            ReferrerRequest = ReferrerRequest,
            ChildsVoice = ChildsVoice,
            AdditionalNeeds = AdditionalNeeds,
            People = People.Select(p => new PersonAmendmentInput
            {
                PersonId = p.PersonId,
                GivenNames = p.GivenNames,
                FamilyName = p.FamilyName,
                DateOfBirth = p.DateOfBirth.Parse(out var valid),
                DateOfBirthValid = valid,
                NhsNumber = p.NhsNumber,
            }).ToList(),
            Reason = Reason,
        };
        var errors = await records.AmendAsync(Contact, input, ct);
        if (errors.Count == 0)
        {
            this.Banner($"Contact {Contact.Reference} amended. The change and its reason are on the contact's timeline.");
            return Redirect($"/Contacts/{Contact.Id}");
        }

        CaseDisplay.AddErrors(ModelState, errors);
        await LoadPeopleAsync(ct);
        return Page();
    }

    private async Task<List<Person>> LoadPeopleAsync(CancellationToken ct)
    {
        var ids = Contact.Subjects.Select(s => s.PersonId).ToList();
        var persons = (await db.Persons.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(ct))
            .OrderBy(p => Contact.Subjects.First(s => s.PersonId == p.Id).Role).ThenBy(p => p.FullName, StringComparer.Ordinal).ToList();
        Recorded = persons.ToDictionary(p => p.Id, p => (p.FullName, Contact.Subjects.First(s => s.PersonId == p.Id).Role));
        return persons;
    }
}
