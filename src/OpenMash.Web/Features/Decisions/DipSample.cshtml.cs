using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Shared;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Decisions;

/// <summary>No-further-action decisions set aside for a second manager, who neither proposed nor approved them.</summary>
[AuditedAs(AuditActions.DipSampleContactDecision, Purpose = "Dip sample")]
public sealed class DipSampleModel(OpenMashDbContext db, DecisionService decisions) : PageModel
{
    public IReadOnlyList<DipSampleRow> Rows { get; private set; } = [];

    [BindProperty]
    public Guid DecisionId { get; set; }

    [BindProperty]
    public Dictionary<Guid, string?> Notes { get; set; } = [];

    public static string NoteField(Guid id) => $"Notes[{id}]";

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var decision = HttpContext.Record<ContactDecision>();
        var errors = await decisions.RecordDipSampleAsync(decision, Notes.GetValueOrDefault(DecisionId));
        if (errors.Count == 0)
        {
            return Redirect("/Decisions/DipSample");
        }

        CaseDisplay.AddErrors(ModelState, errors.Select(e => e.Field == "Note" ? e with { Field = NoteField(DecisionId) } : e));
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var me = db.Actor.UserId;
        Rows = (await (from d in db.Decisions
                       join c in db.Contacts on d.ContactId equals c.Id
                       where d.DipSample && d.Status == DecisionStatus.Approved
                       select new { d.Id, c.Reference, d.DecidedAtUtc, d.Rationale, d.DecidedByUserId, d.ProposedByUserId, d.DipSampleNote })
                .ToListAsync())
            .OrderBy(r => r.DipSampleNote is not null)
            .ThenBy(r => r.DecidedAtUtc)
            .Select(r => new DipSampleRow(r.Id, r.Reference, r.DecidedAtUtc, r.Rationale, r.DecidedByUserId == me || r.ProposedByUserId == me, r.DipSampleNote))
            .ToList();
        var ids = Rows.Select(r => r.Id).ToList();
        var subjects = await (from d in db.Decisions
                              join s in db.ContactSubjects on d.ContactId equals s.ContactId
                              where ids.Contains(d.Id)
                              select s.PersonId).Distinct().ToListAsync();
        db.Audit(AuditActions.ViewDipSample, targetType: nameof(ContactDecision), subjects: subjects, purpose: "Dip sample");
        await db.SaveChangesAsync();
    }
}
