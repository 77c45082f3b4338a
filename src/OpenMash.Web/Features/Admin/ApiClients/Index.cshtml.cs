using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;

using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Admin.ApiClients;

[AuditedAs(AuditActions.DisableApiClient)]
public sealed class IndexModel(AdminService admin, OpenMashDbContext db) : PageModel
{
    public sealed record Row(Guid Id, string ClientId, string Name, string Agency, bool Disabled, DateTime CreatedAtUtc);

    public IReadOnlyList<Row> Clients { get; private set; } = [];

    public async Task OnGetAsync() =>
        Clients = await db.ApiClients.Where(c => c.HubId == admin.HubId).OrderBy(c => c.Name)
            .Select(c => new Row(c.Id, c.ClientId, c.Name, c.Agency.Name, c.IsDisabled, c.CreatedAtUtc))
            .ToListAsync();

    /// <summary>Takes effect on the client's next request: its tokens are checked against this flag every time.</summary>
    public async Task<IActionResult> OnPostDisableAsync(Guid id)
    {
        var client = await db.ApiClients.SingleAsync(c => c.Id == HttpContext.Record<ApiClient>().Id);
        client.IsDisabled = true;
        await db.SaveChangesAsync();
        return RedirectToPage();
    }
}
