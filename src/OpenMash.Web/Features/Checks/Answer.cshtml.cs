using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Shared;
using OpenMash.Web.Security;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Checks;

/// <summary>
/// A researcher answers their own agency's check, for each person it asks about: every child and every adult of the
/// household the screener included, each adult with the domestic abuse question. They see the request and the other
/// agencies' answers only as far as the data sharing agreements for screening let those agencies share with theirs,
/// each decision audited; otherwise why not, and whom to ask. Another agency's check is refused as not found by the
/// <see cref="Policies.AnswerCheck"/> policy of the record guard.
/// </summary>
[AuditedAs(AuditActions.ViewMultiAgencyCheck, Purpose = "Multi-agency check")]
[AuthorizeRecord(Policies.AnswerCheck)]
public sealed class AnswerModel(OpenMashDbContext db, CheckService checks) : PageModel
{
    public MultiAgencyCheck Check { get; private set; } = null!;

    public Contact Contact { get; private set; } = null!;

    public IReadOnlyList<CheckPersonView> Asked { get; private set; } = [];

    /// <summary>This agency's own answer, person by person, once sent.</summary>
    public VisibleAnswer? Own { get; private set; }

    public PartnerAnswersView Partners { get; private set; } = new([], false);

    public AnswerFormView Form => new(Asked, AnswerFormView.Fill(Asked, People), Summary, Details);

    [BindProperty]
    public string? Summary { get; set; }

    [BindProperty]
    public string? Details { get; set; }

    [BindProperty]
    public List<PersonAnswerForm> People { get; set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();

        var input = new CheckAnswerInput
        {
            Summary = Summary,
            Details = Details,
            People = People.Select(p => p.ToInput(AnswerFormView.ItemSlots)).ToList(),
        };
        var errors = await checks.AnswerAsync(Check, input);
        if (errors.Count == 0)
        {
            this.Banner($"Answer sent for contact {Contact.Reference}. The MASH can see it now, as far as the sharing agreements allow.");
            return Redirect("/Checks");
        }

        CaseDisplay.AddErrors(ModelState, errors);
        return Page();
    }

    private async Task LoadAsync()
    {
        var check = HttpContext.Record<MultiAgencyCheck>();
        var checkId = check.Id;
        Check = check;
        Contact = await db.Contacts.AsNoTracking().Include(c => c.Subjects).SingleAsync(c => c.Id == check.ContactId);
        Asked = await checks.PeopleOfAsync(check);
        var subjects = Contact.Subjects.Select(s => s.PersonId).Concat(Asked.Select(p => p.Person.PersonId)).Distinct().ToList();
        db.Audit(AuditActions.ViewMultiAgencyCheck, targetType: nameof(MultiAgencyCheck), targetId: checkId.ToString(), subjects: subjects, purpose: "Multi-agency check");
        var answers = await checks.AnswersForAsync(check.ContactId);
        Own = answers.FirstOrDefault(a => a.Check.Id == check.Id);
        Partners = new PartnerAnswersView(answers.Where(a => a.Check.Id != check.Id).ToList(), ForReferrer: false);
    }
}
