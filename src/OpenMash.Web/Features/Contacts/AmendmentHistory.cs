using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;

namespace OpenMash.Web.Features.Contacts;

/// <summary>A contact's amendments, newest first, in words, for the contact page and the timeline.</summary>
public static class AmendmentHistory
{
    public static async Task<IReadOnlyList<AmendmentView>> ForContactAsync(OpenMashDbContext db, Guid contactId, CancellationToken ct = default)
    {
        var amendments = await db.ContactAmendments.AsNoTracking().Include(a => a.Changes).Where(a => a.ContactId == contactId).ToListAsync(ct);
        var userIds = amendments.Select(a => a.AmendedByUserId).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var personIds = amendments.SelectMany(a => a.Changes).Select(c => c.PersonId).OfType<Guid>().Distinct().ToList();
        var persons = await db.Persons.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, ct);
        return amendments.OrderByDescending(a => a.AmendedAtUtc)
            .Select(a => new AmendmentView(
                a.AmendedAtUtc,
                users.GetValueOrDefault(a.AmendedByUserId, "Unknown"),
                a.Reason,
                a.Changes.OrderBy(c => c.PersonId is null ? 0 : 1).ThenBy(c => c.Field)
                    .Select(c => new AmendmentView.Change(
                        c.PersonId is { } p ? $"{c.Field.DisplayName()} of {persons.GetValueOrDefault(p, "a person")}" : c.Field.DisplayName(),
                        c.Before ?? "not recorded",
                        c.After ?? "not recorded"))
                    .ToList()))
            .ToList();
    }
}
