using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Shared;
using OpenMash.Web.Security;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Checks;

/// <summary>
/// The answering agency corrects its sent answer with a reason, until the contact's decision is approved; after that
/// the page says why it cannot. The answer before is kept and shown with the correction.
/// </summary>
[AuditedAs(AuditActions.ViewMultiAgencyCheck, Purpose = "Correcting a check answer")]
[AuthorizeRecord(Policies.AnswerCheck)]
public sealed class CorrectModel(OpenMashDbContext db, CheckService checks) : PageModel
{
    public MultiAgencyCheck Check { get; private set; } = null!;

    public Contact Contact { get; private set; } = null!;

    public IReadOnlyList<CheckPersonView> Asked { get; private set; } = [];

    public AnswerFormView Form => new(Asked, AnswerFormView.Fill(Asked, People), Summary, Details);

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? Summary { get; set; }

    [BindProperty]
    public string? Details { get; set; }

    [BindProperty]
    public List<PersonAnswerForm> People { get; set; } = [];

    public async Task OnGetAsync()
    {
        await LoadAsync();
        // The form starts from the answer as it stands (the agency's own answer: every item is its own).
        Summary = Check.Summary;
        Details = Check.Details;
        var items = await db.CheckItems.AsNoTracking().Where(i => i.CheckId == Check.Id && i.SupersededByCorrectionId == null).OrderBy(i => i.Id).ToListAsync();
        People = Asked.Select(p => new PersonAnswerForm
        {
            PersonId = p.Person.PersonId,
            Held = p.Person.Held,
            DomesticAbuse = p.Person.DomesticAbuseHeld,
            DomesticAbuseText = items.FirstOrDefault(i => i.PersonId == p.Person.PersonId && i.Kind == CheckItemKind.DomesticAbuseHistory)?.Text,
            DomesticAbuseRestrictions = Flags(items.FirstOrDefault(i => i.PersonId == p.Person.PersonId && i.Kind == CheckItemKind.DomesticAbuseHistory)?.Restrictions),
            Items = items.Where(i => i.PersonId == p.Person.PersonId && i.Kind == CheckItemKind.Information).Take(AnswerFormView.ItemSlots)
                .Select(i => new ItemForm { Text = i.Text, Restrictions = Flags(i.Restrictions) }).ToList(),
        }).ToList();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        var input = new CheckAnswerInput
        {
            Summary = Summary,
            Details = Details,
            People = People.Select(p => p.ToInput(AnswerFormView.ItemSlots)).ToList(),
        };
        var errors = await checks.CorrectAsync(Check, input, Reason);
        if (errors.Count == 0)
        {
            this.Banner($"Answer corrected for contact {Contact.Reference}. The answer before is kept with the correction.");
            return Redirect($"/Checks/{Check.Id}");
        }

        CaseDisplay.AddErrors(ModelState, errors);
        return Page();
    }

    private static List<Sharing.ItemRestrictions> Flags(Sharing.ItemRestrictions? restrictions) =>
        restrictions is { } r ? ItemRestrictionNames.Options.Select(o => o.Value).Where(v => r.HasFlag(v)).ToList() : [];

    private async Task LoadAsync()
    {
        Check = HttpContext.Record<MultiAgencyCheck>();
        Contact = await db.Contacts.AsNoTracking().Include(c => c.Subjects).SingleAsync(c => c.Id == Check.ContactId);
        Asked = await checks.PeopleOfAsync(Check);
        db.Audit(AuditActions.ViewMultiAgencyCheck, targetType: nameof(MultiAgencyCheck), targetId: Check.Id.ToString(),
            subjects: Contact.Subjects.Select(s => s.PersonId).Concat(Asked.Select(p => p.Person.PersonId)).Distinct(), purpose: "Correcting a check answer");
        await db.SaveChangesAsync();
    }
}
