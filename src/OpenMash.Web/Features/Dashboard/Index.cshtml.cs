using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenMash.Web.Features.Dashboard;

/// <summary>The hub's timeliness in aggregate: no names, no references.</summary>
public sealed class IndexModel(DashboardService dashboard, TimeProvider time) : PageModel
{
    public DashboardFigures Figures { get; private set; } = null!;

    public async Task OnGetAsync() => Figures = await dashboard.FiguresAsync(time.GetUtcNow().UtcDateTime);
}
