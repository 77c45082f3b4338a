using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace OpenMash.Web.Features.Admin.Agencies;

public sealed class IndexModel(AdminService admin) : PageModel
{
    public sealed record Row(Guid Id, string Name, string Type, bool Lead, bool Disabled, IReadOnlyList<string> Hubs, string? EmailAddress);

    public IReadOnlyList<Row> Agencies { get; private set; } = [];

    public async Task OnGetAsync() =>
        Agencies = (await admin.HubAgencies.OrderBy(a => a.Name)
                .Select(a => new { a.Id, a.Name, a.Type, a.IsLeadSafeguardingPartner, a.IsDisabled, a.EmailAddress, Hubs = a.Hubs.Select(h => h.Hub.Name).ToList() })
                .ToListAsync())
            .Select(a => new Row(a.Id, a.Name, a.Type.DisplayName(), a.IsLeadSafeguardingPartner, a.IsDisabled, a.Hubs, a.EmailAddress))
            .ToList();
}
