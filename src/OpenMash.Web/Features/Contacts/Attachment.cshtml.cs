using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;

namespace OpenMash.Web.Features.Contacts;

/// <summary>Serves one attachment as a download, under the contact's own authorisation; every download is audited.</summary>
public sealed class AttachmentModel(OpenMashDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid attachmentId, CancellationToken ct)
    {
        var file = await db.ContactAttachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId && a.ContactId == id, ct);
        if (file is null)
        {
            return NotFound();
        }

        var subjects = await db.ContactSubjects.Where(s => s.ContactId == id).Select(s => s.PersonId).ToListAsync(ct);
        db.Audit(AuditActions.DownloadContactAttachment, targetType: "ContactAttachment", targetId: attachmentId.ToString(), subjects: subjects, purpose: "Screening", detail: "contact " + id);
        await db.SaveChangesAsync(ct);
        return File(file.Content, file.ContentType, file.FileName);
    }
}
