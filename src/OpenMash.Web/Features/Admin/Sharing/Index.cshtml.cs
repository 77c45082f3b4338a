using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Features.DataSharing;

namespace OpenMash.Web.Features.Admin.Sharing;

public sealed class IndexModel(AgreementService agreements, OpenMashDbContext db, TimeProvider time) : PageModel
{
    public IReadOnlyList<DataSharingAgreement> Agreements { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();

    public DateTime Now { get; private set; }

    [BindProperty]
    public Guid AgreementId { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostRevokeAsync()
    {
        if (!await agreements.RevokeAsync(AgreementId, db.Actor.HubId!.Value))
        {
            return NotFound();
        }

        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        Now = time.GetUtcNow().UtcDateTime;
        Agreements = await agreements.CurrentForHubAsync(db.Actor.HubId!.Value);
        var agencies = await db.Agencies.Select(a => new { a.Id, a.Name }).ToListAsync();
        var hubs = await db.Hubs.Select(h => new { h.Id, h.Name }).ToListAsync();
        Names = agencies.Select(a => (a.Id, a.Name)).Concat(hubs.Select(h => (h.Id, h.Name))).ToDictionary(x => x.Id, x => x.Name);
    }
}
