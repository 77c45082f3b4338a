using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Shared.SubjectAccess;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Access;

/// <summary>
/// Subject access: the preview and the downloadable document of everything held about one person, for information
/// governance officers of the person's hub only. Each preview and each download is audited (who, when, for whom).
/// </summary>
[AuditedAs(AuditActions.SubjectAccessExport, Purpose = "SubjectAccess")]
public sealed class SubjectAccessModel(OpenMashDbContext db, SubjectAccessExport export) : PageModel
{
    public SarDocument Document { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var doc = await BuildAsync(HttpContext.Record<Person>().Id, "preview", ct);
        if (doc is null)
        {
            return NotFound();
        }

        Document = doc;
        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken ct)
    {
        var doc = await BuildAsync(HttpContext.Record<Person>().Id, "download", ct);
        return doc is null
            ? NotFound()
            : File(Encoding.UTF8.GetBytes(SubjectAccessExport.RenderDocument(doc)), "text/html; charset=utf-8", doc.FileName);
    }

    private async Task<SarDocument?> BuildAsync(Guid id, string what, CancellationToken ct)
    {
        var doc = await export.BuildAsync(id, ct);
        db.Audit(
            AuditActions.SubjectAccessExport,
            doc is null ? AuditOutcome.Refused : AuditOutcome.Allowed,
            "Person",
            id.ToString(),
            doc is null ? null : [id],
            "SubjectAccess",
            doc is null ? $"{what}: not a person of the user's hub" : $"{what}; items withheld: {doc.Redactions.Count}");
        await db.SaveChangesAsync(ct);
        return doc;
    }
}
