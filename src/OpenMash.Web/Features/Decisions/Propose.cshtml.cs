using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Shared;

namespace OpenMash.Web.Features.Decisions;

/// <summary>The screener proposes the outcome; a manager then decides it.</summary>
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

    public async Task<IActionResult> OnGetAsync(Guid contactId)
    {
        if (await FindAsync(contactId) is not { } contact)
        {
            return NotFound();
        }

        var subjects = await db.ContactSubjects.Where(s => s.ContactId == contactId).Select(s => s.PersonId).ToListAsync();
        db.Audit(AuditActions.ViewContact, targetType: "Contact", targetId: contactId.ToString(), subjects: subjects, purpose: "Proposing a decision");
        await db.SaveChangesAsync();
        return Show(contact);
    }

    public async Task<IActionResult> OnPostAsync(Guid contactId)
    {
        if (await FindAsync(contactId) is not { } contact)
        {
            return NotFound();
        }

        var (_, errors) = await decisions.ProposeAsync(contact, new ProposalInput(Outcome, Rationale, Team, PrimaryNeed));
        if (errors.Count == 0)
        {
            return Redirect($"/Screening/{contactId}");
        }

        CaseDisplay.AddErrors(ModelState, errors);
        return Show(contact);
    }

    private PageResult Show(Contact contact)
    {
        Contact = contact;
        return Page();
    }

    private async Task<Contact?> FindAsync(Guid contactId)
    {
        var contact = await db.Contacts.SingleOrDefaultAsync(c => c.Id == contactId);
        if (contact is null)
        {
            db.Audit(AuditActions.ProposeContactDecision, AuditOutcome.Refused, "Contact", contactId.ToString(), detail: "not a contact of this hub");
            await db.SaveChangesAsync();
        }

        return contact;
    }
}
