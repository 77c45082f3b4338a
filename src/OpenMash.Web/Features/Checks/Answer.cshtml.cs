using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenMash.Sharing;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Shared;
using OpenMash.Web.Security;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Checks;

/// <summary>
/// A researcher answers their own agency's check. They see the request (the contact reference, the children and what
/// is asked) and the other agencies' answers only as far as the data sharing agreements for screening let those
/// agencies share with theirs, each decision audited; otherwise why not, and whom to ask. Another agency's check is
/// refused as not found by the <see cref="Policies.AnswerCheck"/> policy of the record guard.
/// </summary>
[AuditedAs(AuditActions.ViewMultiAgencyCheck, Purpose = "Multi-agency check")]
[AuthorizeRecord(Policies.AnswerCheck)]
public sealed class AnswerModel(OpenMashDbContext db, CheckService checks) : PageModel
{
    public const int ItemSlots = 3;

    public MultiAgencyCheck Check { get; private set; } = null!;

    public Contact Contact { get; private set; } = null!;

    public IReadOnlyList<Person> Children { get; private set; } = [];

    public PartnerAnswersView Partners { get; private set; } = new([], false);

    [BindProperty]
    public bool? Known { get; set; }

    [BindProperty]
    public string? Summary { get; set; }

    [BindProperty]
    public string? Details { get; set; }

    [BindProperty]
    public List<ItemForm> Items { get; set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();

        var input = new CheckAnswerInput
        {
            Known = Known,
            Summary = Summary,
            Details = Details,
            Items = Items.Take(ItemSlots).Select(i => new CheckItemInput { Text = i.Text, Restrictions = i.Restrictions.Where(Enum.IsDefined).Aggregate(ItemRestrictions.None, (a, r) => a | r) }).ToList(),
        };
        var errors = await checks.AnswerAsync(Check, input);
        if (errors.Count == 0)
        {
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
        var childIds = Contact.Subjects.Where(s => s.Role == SubjectRole.Child).Select(s => s.PersonId).ToList();
        Children = await db.Persons.AsNoTracking().Where(p => childIds.Contains(p.Id)).OrderBy(p => p.FamilyName).ToListAsync();
        while (Items.Count < ItemSlots)
        {
            Items.Add(new ItemForm());
        }

        db.Audit(AuditActions.ViewMultiAgencyCheck, targetType: nameof(MultiAgencyCheck), targetId: checkId.ToString(), subjects: childIds, purpose: "Multi-agency check");
        var answers = await checks.AnswersForAsync(check.ContactId);
        Partners = new PartnerAnswersView(answers.Where(a => a.Check.Id != check.Id).ToList(), ForReferrer: false);
    }
}
