using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenMash.Web.Data;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Contacts;

/// <summary>
/// Serves one attachment as a download, under the contact's own authorisation; every download is audited. Two
/// guards: the contact's (route value <c>id</c>), then the attachment's within that contact.
/// </summary>
[AuditedAs(AuditActions.DownloadContactAttachment, Purpose = "Screening")]
public sealed class AttachmentModel(OpenMashDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var contact = HttpContext.Record<Contact>();
        var file = HttpContext.Record<ContactAttachment>();
        var subjects = contact.Subjects.Select(s => s.PersonId).ToList();
        db.Audit(AuditActions.DownloadContactAttachment, targetType: "ContactAttachment", targetId: file.Id.ToString(), subjects: subjects, purpose: "Screening", detail: "contact " + contact.Id);
        await db.SaveChangesAsync(ct);
        return File(file.Content, file.ContentType, file.FileName);
    }
}
