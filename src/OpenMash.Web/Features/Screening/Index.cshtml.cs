using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenMash.Web.Security;

namespace OpenMash.Web.Features.Screening;

/// <summary>
/// The hub's live screening queue: every contact not yet decided, the one due first (and the most urgent) at the
/// top, narrowed by the filter in the address (GET, so a filtered queue can be bookmarked). An unknown filter value
/// is shown as an error, never a failure.
/// </summary>
public sealed class IndexModel(ContactQueue queue) : PageModel
{
    public IReadOnlyList<QueueRow> Rows { get; private set; } = [];

    public IReadOnlyList<HubWorker> Workers { get; private set; } = [];

    public QueueFilter Filter { get; private set; } = QueueFilter.None;

    /// <summary>The values as given in the address, to show them back in the filter.</summary>
    public IReadOnlyList<string> RagValues { get; private set; } = [];

    public IReadOnlyList<string> StateValues { get; private set; } = [];

    public string? AllocatedValue { get; private set; }

    public string? SourceValue { get; private set; }

    public bool OverdueValue { get; private set; }

    /// <summary>Each filter chosen, with the address of the queue without it.</summary>
    public IReadOnlyList<(string Heading, string Text, string RemoveUrl)> Selected { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Workers = await queue.WorkersAsync();
        var q = Request.Query;
        RagValues = q["rag"].OfType<string>().ToList();
        StateValues = q["state"].OfType<string>().ToList();
        AllocatedValue = q["allocated"].FirstOrDefault();
        SourceValue = q["source"].FirstOrDefault();
        var overdue = q["overdue"].FirstOrDefault();
        var (filter, errors) = QueueFilter.Parse(RagValues, StateValues, AllocatedValue, SourceValue, overdue, User.UserId(), Workers.Select(w => w.Id).ToList());
        foreach (var error in errors)
        {
            ModelState.AddModelError(error.Field, error.Message);
        }

        OverdueValue = filter.OverdueOnly;
        Filter = errors.Count == 0 ? filter : QueueFilter.None;
        if (errors.Count == 0)
        {
            Selected = SelectedFilters(filter);
        }

        Rows = await queue.RowsAsync(Filter);
    }

    private List<(string, string, string)> SelectedFilters(QueueFilter filter)
    {
        var pairs = new List<(string Key, string Value)>();
        pairs.AddRange(RagValues.Select(v => ("rag", v.Trim().ToLowerInvariant())).Distinct());
        pairs.AddRange(StateValues.Select(v => ("state", v.Trim().ToLowerInvariant())).Distinct());
        if (!string.IsNullOrWhiteSpace(AllocatedValue) && AllocatedValue != "anyone")
        {
            pairs.Add(("allocated", AllocatedValue.Trim().ToLowerInvariant()));
        }

        if (filter.Source is not null)
        {
            pairs.Add(("source", SourceValue!.Trim().ToLowerInvariant()));
        }

        if (filter.OverdueOnly)
        {
            pairs.Add(("overdue", "true"));
        }

        string Without((string Key, string Value) pair) =>
            "/Screening" + QueryString.Create(pairs.Where(p => p != pair).Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))).ToUriComponent();

        return pairs.Select(p => p.Key switch
        {
            "rag" => ("RAG", QueueFilter.RagChoices.First(c => c.Value == p.Value).Text, Without(p)),
            "state" => ("State", QueueFilter.StateChoices.First(c => c.Value == p.Value).State.DisplayName(), Without(p)),
            "allocated" => ("Allocated to", filter.Unallocated ? "Nobody yet" : filter.AllocatedTo == User.UserId() && p.Value == "me" ? "Me" : Workers.First(w => w.Id == filter.AllocatedTo).Name, Without(p)),
            "source" => ("Came from", filter.Source!.Value.DisplayName(), Without(p)),
            _ => ("Due", "Overdue only", Without(p)),
        }).ToList();
    }
}
