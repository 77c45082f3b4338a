using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenMash.Web.Features.TaskGroup;

/// <summary>The joint child exploitation task group's list: both hubs' children with exploitation concerns, as far as its agreements allow.</summary>
public sealed class IndexModel(CrossHubExploitationReader reader) : PageModel
{
    public IReadOnlyList<TaskGroupChild> Children { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Children = await reader.ListAsync(ct);
}
