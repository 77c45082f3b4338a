using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Shared;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Decisions;

/// <summary>The screener proposes the outcome; a manager then decides it.</summary>
[AuditedAs(AuditActions.ProposeContactDecision)]
public sealed class ProposeModel(OpenMashDbContext db, DecisionService decisions) : PageModel
{
    public Contact Contact { get; private set; } = null!;

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
        await db.SaveChangesAsync();
        return Show(contact);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var contact = HttpContext.Record<Contact>();
        var (_, errors) = await decisions.ProposeAsync(contact, new ProposalInput { Outcome = Outcome, Rationale = Rationale, Team = Team, PrimaryNeed = PrimaryNeed });
        if (errors.Count == 0)
        {
            return Redirect($"/Screening/{contact.Id}");
        }

        CaseDisplay.AddErrors(ModelState, errors);
        return Show(contact);
    }

    private PageResult Show(Contact contact)
    {
        Contact = contact;
        return Page();
    }
}
