using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Checks;
using OpenMash.Web.Features.Shared;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Decisions;

/// <summary>The screener proposes the outcome; a manager then decides it.</summary>
[AuditedAs(AuditActions.ProposeContactDecision)]
public sealed class ProposeModel(OpenMashDbContext db, DecisionService decisions, CheckService checks) : PageModel
{
    public Contact Contact { get; private set; } = null!;

    /// <summary>The partners' answers, through the sharing gate and item restrictions for the signed-in user (as the screening page shows them).</summary>
    public IReadOnlyList<VisibleAnswer> Answers { get; private set; } = [];

    [BindProperty]
    public DecisionOutcome? Outcome { get; set; }

    [BindProperty]
    public string? Rationale { get; set; }

    [BindProperty]
    public string? Team { get; set; }

    [BindProperty]
    public PrimaryNeed? PrimaryNeed { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var contact = HttpContext.Record<Contact>();
        var subjects = await db.ContactSubjects.Where(s => s.ContactId == contact.Id).Select(s => s.PersonId).ToListAsync();
        db.Audit(AuditActions.ViewContact, targetType: "Contact", targetId: contact.Id.ToString(), subjects: subjects, purpose: "Proposing a decision");
        return await ShowAsync(contact);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var contact = HttpContext.Record<Contact>();
        var (_, errors) = await decisions.ProposeAsync(contact, new ProposalInput { Outcome = Outcome, Rationale = Rationale, Team = Team, PrimaryNeed = PrimaryNeed });
        if (errors.Count == 0)
        {
            this.Banner($"Decision proposed for contact {contact.Reference}: {Outcome!.Value.DisplayName()}. A MASH manager other than you must approve it.");
            return Redirect($"/Screening/{contact.Id}");
        }

        CaseDisplay.AddErrors(ModelState, errors);
        return await ShowAsync(contact);
    }

    private async Task<PageResult> ShowAsync(Contact contact)
    {
        Contact = contact;
        Answers = await checks.AnswersForAsync(contact.Id);
        // The sharing gate's decisions (and the view) are audited in this save.
        await db.SaveChangesAsync();
        return Page();
    }
}
