using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Checks;
using OpenMash.Web.Features.Shared;
using OpenMash.Web.Security;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Decisions;

/// <summary>A manager approves or returns a proposal; four eyes: never their own.</summary>
[AuditedAs(AuditActions.ViewContactDecision)]
public sealed class DecideModel(OpenMashDbContext db, DecisionService decisions, CheckService checks) : PageModel
{
    /// <summary>The partners' answers, through the sharing gate and item restrictions for the signed-in manager (as the screening page shows them).</summary>
    public IReadOnlyList<VisibleAnswer> Answers { get; private set; } = [];

    public ContactDecision Decision { get; private set; } = null!;

    public Contact Contact { get; private set; } = null!;

    public ContactScreening? Screening { get; private set; }

    public string? ProposedBy { get; private set; }

    /// <summary>The signed-in manager proposed it: four eyes, so the page offers no Approve button (the policy refuses one anyway).</summary>
    public bool IsOwnProposal => Decision.ProposedByUserId == User.UserId();

    [BindProperty]
    public string? Comment { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    [AuthorizeRecord(Policies.ApproveDecision, Action = AuditActions.ApproveContactDecision)]
    public async Task<IActionResult> OnPostApproveAsync()
    {
        await LoadAsync();

        var errors = await decisions.ApproveAsync(Decision, Comment);
        return Done(errors, $"Decision approved for contact {Contact.Reference}: {Decision.Outcome.DisplayName()}." + (string.IsNullOrWhiteSpace(Contact.ReferrerEmail) ? " The referrer gave no e-mail address, so tell them another way." : " Feedback to the referrer is queued to be sent."));
    }

    public async Task<IActionResult> OnPostReturnAsync()
    {
        await LoadAsync();

        var errors = await decisions.ReturnAsync(Decision, Comment);
        return Done(errors, $"Proposal for contact {Contact.Reference} returned to the screener.");
    }

    private IActionResult Done(IReadOnlyList<ValidationError> errors, string banner)
    {
        if (errors.Count == 0)
        {
            this.Banner(banner);
            return Redirect("/Decisions");
        }

        CaseDisplay.AddErrors(ModelState, errors);
        return Page();
    }

    private async Task LoadAsync()
    {
        var decision = HttpContext.Record<ContactDecision>();
        var decisionId = decision.Id;
        Decision = decision;
        Contact = await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == decision.ContactId);
        Screening = await db.Screenings.AsNoTracking().SingleOrDefaultAsync(s => s.ContactId == decision.ContactId);
        Answers = await checks.AnswersForAsync(decision.ContactId);
        ProposedBy = await db.Users.Where(u => u.Id == decision.ProposedByUserId).Select(u => u.DisplayName).SingleOrDefaultAsync();
        var subjects = await db.ContactSubjects.Where(s => s.ContactId == decision.ContactId).Select(s => s.PersonId).ToListAsync();
        db.Audit(AuditActions.ViewContactDecision, targetType: nameof(ContactDecision), targetId: decisionId.ToString(), subjects: subjects, purpose: "Decision");
        await db.SaveChangesAsync();
    }
}
