using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;

namespace OpenMash.Web.Features.Contacts.New;

public sealed class DoneModel(OpenMashDbContext db) : PageModel
{
    public Guid Id { get; private set; }

    public string Reference { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var reference = await db.Contacts.Where(c => c.Id == id).Select(c => c.Reference).SingleOrDefaultAsync(ct);
        if (reference is null)
        {
            return NotFound();
        }

        (Id, Reference) = (id, reference);
        return Page();
    }
}
