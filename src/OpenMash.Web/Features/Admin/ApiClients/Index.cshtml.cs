using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Api;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Admin.ApiClients;

[AuditedAs(AuditActions.ChangeApiClient)]
public sealed class IndexModel(AdminService admin, OpenMashDbContext db, ApiClientRegistry registry) : PageModel
{
    public sealed record Row(Guid Id, string ClientId, string Name, string Agency, bool Disabled, DateTime CreatedAtUtc);

    public IReadOnlyList<Row> Clients { get; private set; } = [];

    /// <summary>After a rotation: the client's id and its new secret, shown once; only the hash is kept.</summary>
    public (string ClientId, string Secret)? NewSecret { get; private set; }

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

    /// <summary>
    /// A new secret for the client, shown once. Tokens issued under the old secret stop working on their next
    /// request, so the agency's system must get a new token with the new secret.
    /// </summary>
    public async Task<IActionResult> OnPostRotateAsync(Guid id)
    {
        var client = await db.ApiClients.SingleAsync(c => c.Id == HttpContext.Record<ApiClient>().Id);
        if (client.IsDisabled)
        {
            ModelState.AddModelError(string.Empty, "A turned-off agency system cannot be given a new secret");
            await OnGetAsync();
            return Page();
        }

        NewSecret = (client.ClientId, await registry.RotateSecretAsync(client));
        await OnGetAsync();
        return Page();
    }
}
