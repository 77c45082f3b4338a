using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenMash.Web.Security;

namespace OpenMash.Web.Features.Screening;

/// <summary>The signed-in worker's own open contacts, in the queue's order.</summary>
public sealed class MineModel(ContactQueue queue) : PageModel
{
    public IReadOnlyList<QueueRow> Rows { get; private set; } = [];

    public async Task OnGetAsync() =>
        Rows = User.UserId() is { } me ? await queue.RowsAsync(new QueueFilter { AllocatedTo = me }) : [];
}
