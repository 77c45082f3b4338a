using Microsoft.EntityFrameworkCore;

namespace OpenMash.Web.Features.Screening;

/// <summary>What the hub already knows about the children of a contact, shown before the screening form.</summary>
public sealed record ScreeningHistory(
    IReadOnlyList<Person> Children,
    IReadOnlyList<OpenInvolvement> OpenInvolvements,
    IReadOnlyList<HistoryContact> Contacts,
    IReadOnlyList<HouseholdAdult> Adults)
{
    public IEnumerable<Guid> PersonIds => Children.Select(c => c.Id).Concat(Adults.Select(a => a.PersonId));
}
