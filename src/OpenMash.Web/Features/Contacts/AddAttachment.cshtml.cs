using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Shared;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Contacts;

/// <summary>
/// Adds a document to a recorded contact, for the contact as a whole or about one person it names, with the intake's
/// checks (type, size, content); the contact's worker is told by e-mail (a reference and a link).
/// </summary>
[AuditedAs(AuditActions.AddContactAttachment, Purpose = "Screening")]
public sealed class AddAttachmentModel(OpenMashDbContext db, ContactRecordService records) : PageModel
{
    public Contact Contact { get; private set; } = null!;

    public IReadOnlyList<(string Value, string Text)> PersonOptions { get; private set; } = [];

    [BindProperty]
    public Guid? PersonId { get; set; }

    public async Task OnGetAsync(Guid? personId, CancellationToken ct)
    {
        Contact = HttpContext.Record<Contact>();
        PersonId = personId;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? upload, CancellationToken ct)
    {
        Contact = HttpContext.Record<Contact>();
        NewAttachment? file = null;
        if (upload is { Length: > 0 } && upload.Length <= ContactService.MaxAttachmentBytes)
        {
            using var buffer = new MemoryStream();
            await upload.CopyToAsync(buffer, ct);
            file = new NewAttachment(upload.FileName, upload.ContentType, buffer.ToArray());
        }

        var errors = upload is { Length: > ContactService.MaxAttachmentBytes }
            ? [new ValidationError("Upload", $"{Path.GetFileName(upload.FileName)} must be smaller than 10 MB")]
            : await records.AddAttachmentAsync(Contact, file, PersonId, ct);
        if (errors.Count == 0)
        {
            this.Banner($"Attachment added to contact {Contact.Reference}. The contact's worker has been told.");
            return Redirect($"/Contacts/{Contact.Id}#attachments");
        }

        CaseDisplay.AddErrors(ModelState, errors);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var ids = Contact.Subjects.Select(s => s.PersonId).ToList();
        var names = await db.Persons.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, ct);
        PersonOptions = [("", "The contact as a whole"), .. Contact.Subjects.OrderBy(s => s.Role).Select(s => (s.PersonId.ToString(), $"{names.GetValueOrDefault(s.PersonId, "A person")} ({s.Role.DisplayName().ToLowerInvariant()})"))];
    }
}
