using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenMash.Web.Features.Screening;

/// <summary>The team's workload for managers (manager-only: see Conventions): each worker's open and overdue contacts, and those nobody has.</summary>
public sealed class WorkloadModel(ContactQueue queue) : PageModel
{
    public IReadOnlyList<WorkerLoad> Workers { get; private set; } = [];

    public int Unallocated { get; private set; }

    public int UnallocatedOverdue { get; private set; }

    public async Task OnGetAsync() => (Workers, Unallocated, UnallocatedOverdue) = await queue.WorkloadAsync();
}
