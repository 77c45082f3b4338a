using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Shared;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Contacts;

/// <summary>A contact's case notes, newest first, and the form to add one; shown only to those who may see the contact.</summary>
[AuditedAs(AuditActions.AddCaseNote, Purpose = "Screening")]
public sealed class NotesModel(OpenMashDbContext db, ContactRecordService records) : PageModel
{
    public Contact Contact { get; private set; } = null!;

    public IReadOnlyList<CaseNote> Notes { get; private set; } = [];

    [BindProperty]
    public string? Text { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Contact = HttpContext.Record<Contact>();
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Contact = HttpContext.Record<Contact>();
        var errors = await records.AddNoteAsync(Contact, Text, ct);
        if (errors.Count == 0)
        {
            this.Banner($"Case note added to contact {Contact.Reference}.");
            return Redirect($"/Contacts/{Contact.Id}/Notes");
        }

        CaseDisplay.AddErrors(ModelState, errors);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Notes = await CaseNotes.ForContactAsync(db, Contact.Id, ct);
        db.Audit(AuditActions.ViewContact, targetType: "Contact", targetId: Contact.Id.ToString(), subjects: Contact.Subjects.Select(s => s.PersonId), purpose: "Screening", detail: "case notes");
        await db.SaveChangesAsync(ct);
    }
}
