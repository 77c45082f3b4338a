using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;

namespace OpenMash.Web.Features.Admin.Users;

public sealed class IndexModel(Admin.AdminService admin, OpenMashDbContext db) : PageModel
{
    public sealed record Row(Guid Id, string UserName, string DisplayName, string Agency, bool Disabled, bool TwoFactor, IReadOnlyList<string> Roles);

    public IReadOnlyList<Row> Users { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var users = await admin.HubUsers.OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.UserName, u.DisplayName, Agency = u.Agency.Name, u.IsDisabled, u.TwoFactorEnabled })
            .ToListAsync();
        var ids = users.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ids.Contains(ur.UserId) select new { ur.UserId, r.Name })
            .ToListAsync();
        Users = users.Select(u => new Row(u.Id, u.UserName!, u.DisplayName, u.Agency, u.IsDisabled, u.TwoFactorEnabled,
            roles.Where(r => r.UserId == u.Id).Select(r => Security.Roles.DisplayName(r.Name!)).Order(StringComparer.Ordinal).ToList())).ToList();
    }
}
