using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenMash.Web.Data;
using OpenMash.Web.Security;

namespace OpenMash.Web.Features.Admin.Grants;

/// <summary>Roles asked for in this hub that wait for a second administrator.</summary>
public sealed class IndexModel(AdminService admin, OpenMashDbContext db) : PageModel
{
    public IReadOnlyList<GrantRow> Grants { get; private set; } = [];

    public Guid Me { get; private set; }

    public async Task OnGetAsync()
    {
        Me = db.Actor.RequiredUserId;
        Grants = await GrantRow.ForAsync(db, await admin.PendingGrantsAsync());
    }
}
